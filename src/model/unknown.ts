/**
 * Brand in the global symbol registry, so an Unknown made by another copy of
 * this module (a user check importing Tetrad's sources through tsx while the
 * CLI runs from dist/) is still recognised by isUnknown.
 */
const UNKNOWN_BRAND: unique symbol = Symbol.for('tetrad.unknown');

/**
 * An explicit "we do not know" value. Sources produce it for anything they
 * cannot resolve (an unset variable, a computed attribute, a data source, an
 * unevaluable condition). Checks must never treat it as a concrete value.
 */
export class Unknown {
  readonly unknown = true as const;
  readonly [UNKNOWN_BRAND] = true as const;
  constructor(
    /** why the value is unknown, e.g. "variable without default" */
    readonly reason: string,
    /** the source expression, when there is one, e.g. "var.cidr" */
    readonly expression?: string,
  ) {}

  toJSON(): { unknown: true; reason: string; expression?: string } {
    return this.expression === undefined
      ? { unknown: true, reason: this.reason }
      : { unknown: true, reason: this.reason, expression: this.expression };
  }

  toString(): string {
    return this.expression ? `<unknown: ${this.expression}>` : `<unknown: ${this.reason}>`;
  }
}

export function unknown(reason: string, expression?: string): Unknown {
  return new Unknown(reason, expression);
}

export function isUnknown(value: unknown): value is Unknown {
  // called for nearly every value checks read: primitives and lists leave before the brand look-up
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Unknown) return true;
  if (Array.isArray(value)) return false;
  return (value as { [UNKNOWN_BRAND]?: unknown })[UNKNOWN_BRAND] === true;
}

/** True when the value, or anything nested inside it, is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}
