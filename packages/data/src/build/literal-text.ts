/**
 * A non-negative number in Qual's number syntax, which has no exponent:
 * `1e21` is written out in full, `1e-7` as `0.0000001`.
 */
export function numberText(value: number): string {
  const plain = String(value);
  if (/^\d+(\.\d+)?$/.test(plain)) return plain;
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}
