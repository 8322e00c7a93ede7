// The code of a gate, in house style (applyStyle adapts it to the file): one balance check through the
// billing module, and the handler's own way of refusing when the wallet cannot pay.

export interface GateCode {
  /** Local name for the check's result (`balance`, or `balance2` when taken). */
  balance: string;
  /** The billing module's binding in this file (`billing`). */
  billing: string;
  /** The signed-in user's id, as the app reads it. */
  user: string;
  estimate: number;
  /** The incoming request, for a provider called with the user's session (see session-source.ts). */
  session?: string | null;
  /** Builds the refusal statement from the 402 body and message expressions. */
  refusal: (body: string, message: string) => string;
}

export function gateCode(code: GateCode): string {
  const check = `const ${code.balance} = await ${code.billing}.checkBalance({ customer: { externalId: ${code.user} }, estimate: ${formatEstimate(code.estimate)}${code.session ? `, session: ${code.session}` : ''} });`;
  return `${check}\nif (!${code.balance}.allowed) ${code.refusal(`${code.balance}.body`, `${code.balance}.message`)}`;
}

/** Several billable calls in one request are checked once, for their summed estimate. */
export function sumEstimates(estimates: readonly number[]): number {
  return round(estimates.reduce((sum, e) => sum + (Number.isFinite(e) ? e : 0), 0));
}

export function formatEstimate(estimate: number): string {
  return String(round(estimate));
}

/** Drops float noise (0.1 + 0.2), keeping the nine decimals Credyt amounts carry. */
function round(n: number): number {
  return Number(n.toFixed(9));
}
