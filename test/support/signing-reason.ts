import { SigningError } from '../../signing/errors';

/** 'valid' when the promise resolves, the SigningError's reason when it rejects with one; anything else rethrows. */
export async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'valid';
  } catch (e) {
    if (e instanceof SigningError) return e.reason;
    throw e;
  }
}
