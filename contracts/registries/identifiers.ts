/**
 * Subject identifiers the registries are asked about (statute 11.2).
 *
 * FİN (fərdi identifikasiya nömrəsi): 7 characters, digits and upper-case Latin letters, printed on
 * the identity card. Case-sensitive on the wire: "5zk8f3r" is not a FIN.
 * VÖEN (vergi ödəyicisinin eyniləşdirmə nömrəsi): 10 digits.
 */
export const FIN_PATTERN = /^[0-9A-Z]{7}$/;
export const VOEN_PATTERN = /^[0-9]{10}$/;

export function isFin(value: unknown): value is string {
  return typeof value === 'string' && FIN_PATTERN.test(value);
}

export function isVoen(value: unknown): value is string {
  return typeof value === 'string' && VOEN_PATTERN.test(value);
}
