export { anonymize, detect, render } from './anonymize';
export { addReplacement, undoReplacement, type AddReplacement } from './review';
export { anonymizeRecord, type AnonymizeInput, type AnonymizeOutput } from './record';
export type * from './types';
