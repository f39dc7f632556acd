export { runPkiCommand } from './pki-command';
export type { PkiCommandContext } from './pki-command';
export { runCmsCommand } from './cms-command';
export type { CmsCommandContext, Verdict } from './cms-command';
export type { CliIo } from './args';
export { loadCliSigner, type CliSigner } from './signer-files';
export { InputFileError, certificate, jsonDocument, jsonObject, privateKey, readError, signerFromFiles, writeError } from './input-files';
