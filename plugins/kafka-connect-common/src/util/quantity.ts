/**
 * Kubernetes resource quantities as exact numbers, so that a policy can compare "500m" with
 * "1" and "1Gi" with "1024Mi". A quantity is kept as a fraction of big integers: no rounding,
 * whatever the suffix (binary Ki..Ei, decimal m, k, M..E) or the number of decimals.
 */
export interface Quantity {
  numerator: bigint;
  denominator: bigint;
}

const BINARY: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};
const DECIMAL: Record<string, number> = {
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

// Kubernetes' grammar: a signless decimal number, then a suffix or a decimal exponent.
const QUANTITY =
  /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const pow = (base: bigint, exponent: number) => base ** BigInt(exponent);

/** "1.5Gi" → 1610612736/1; "500m" → 1/2; undefined when it is no quantity. */
export function parseQuantity(value: string | number): Quantity | undefined {
  const text =
    typeof value === 'number'
      ? numberText(value)
      : value.trim().replace(/^\+/, '');
  if (text === undefined) return undefined;
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, number, suffix = ''] = match;
  const [whole, fraction = ''] = number.split('.');
  let numerator = BigInt(`${whole || '0'}${fraction}`);
  let exponent10 = -fraction.length;
  if (suffix in BINARY) numerator *= pow(2n, BINARY[suffix]);
  else if (suffix in DECIMAL) exponent10 += DECIMAL[suffix];
  else exponent10 += Number(suffix.slice(1));
  return exponent10 >= 0
    ? { numerator: numerator * pow(10n, exponent10), denominator: 1n }
    : { numerator, denominator: pow(10n, -exponent10) };
}

/** A YAML number as Kubernetes would read its text; negative and non-finite numbers are none. */
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  // 1e21 prints as "1e+21", which the grammar's exponent form reads.
  return String(value);
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
