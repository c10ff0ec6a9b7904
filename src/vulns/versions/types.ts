/** One version ordering (semver, PEP 440, dpkg, ...): exact, as the ecosystem's own tool orders versions. */
export interface VersionScheme {
  /** scheme name, e.g. `dpkg` */
  readonly name: string;
  /** true when the ecosystem's tool accepts `version` */
  isValid(version: string): boolean;
  /**
   * Negative when a < b, 0 when equal, positive when a > b.
   * Throws `InvalidVersionError` when either side is not a valid version of this scheme.
   */
  compare(a: string, b: string): number;
}

export class InvalidVersionError extends Error {
  constructor(
    readonly scheme: string,
    readonly version: string,
    reason?: string,
  ) {
    super(`invalid ${scheme} version ${JSON.stringify(version)}${reason ? `: ${reason}` : ''}`);
  }
}

/** -1, 0 or 1 */
export function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compares two strings of decimal digits as non-negative integers of any length. */
export function compareDigitStrings(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Byte-wise (code unit) comparison, as C's strcmp and Ruby's String#<=> on ASCII. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a scheme from a validity test and a comparison of two valid versions. */
export function defineScheme(
  name: string,
  isValid: (v: string) => boolean,
  compareValid: (a: string, b: string) => number,
): VersionScheme {
  return {
    name,
    isValid,
    compare(a, b) {
      if (!isValid(a)) throw new InvalidVersionError(name, a);
      if (!isValid(b)) throw new InvalidVersionError(name, b);
      return sign(compareValid(a, b));
    },
  };
}
