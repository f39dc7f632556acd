/** Tampering shared by every mock agency's signature attacks (SOAP and REST). */

/** Changes one character, keeping the document well-formed: digit +1, letter +1, else "X". */
export function alterChar(c: string): string {
  if (/[0-8]/.test(c)) return String(Number(c) + 1);
  if (c === '9') return '0';
  if (/[A-Ya-y]/.test(c)) return String.fromCharCode(c.charCodeAt(0) + 1);
  if (c === 'Z') return 'A';
  if (c === 'z') return 'a';
  return 'X';
}
