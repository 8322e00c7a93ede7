// Amounts are JSON numbers in asset units (Credyt's convention). Every sum and product is rounded to
// nine decimals so float dust never reaches a balance: 0.1 + 0.2 reads back as exactly 0.3.

export function roundAmount(value: number): number {
  const rounded = Number(value.toFixed(9));
  return rounded === 0 ? 0 : rounded; // no -0 in JSON output
}

export function addAmounts(...values: number[]): number {
  let total = 0;
  for (const value of values) total = roundAmount(total + value);
  return total;
}
