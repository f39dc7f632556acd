import { Errors } from 'moleculer';
import { HubError } from '../contracts/hub';

/**
 * Rebuilds a HubError on the calling node from the plain error Moleculer sends over NATS, so a
 * caller sees the same code, category and origin whether the adapter ran locally or remotely
 * (docs/conventions.md §3: one error type, intact across NATS). Stacks of remote errors are dropped: they are of no
 * use to the caller and must never reach an HTTP answer.
 */
export class HubErrorRegenerator extends Errors.Regenerator {
  override restoreCustomError(plain: any): Error | undefined {
    if (plain && plain.name === 'HubError') return HubError.fromPlain(plain);
    return undefined;
  }

  override extractPlainError(err: any): any {
    const plain = super.extractPlainError(err);
    if (err instanceof HubError) delete plain.stack;
    return plain;
  }
}
