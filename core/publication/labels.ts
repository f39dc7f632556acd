/** The anonymizer's labels a reviewer may add (docs/anonymization.md "Policy"). */
import type { Label } from '../anonymizer/types';

export const LABELS: Label[] = ['PERSON', 'FIN', 'VOEN_PRIVATE', 'ID_DOC', 'PHONE', 'EMAIL', 'ADDRESS', 'BIRTH_DATE', 'ACCOUNT', 'CAR_PLATE', 'HEALTH', 'LEGAL_ENTITY'];
