// An event's gate estimate from the usage one call is expected to have: priced with the same table the
// costs module uses, times the config's markup, in the config's asset. So a gate asks for what a call costs.
import type { BillingConfig } from '../config/types.js';
import { priceOf } from '../providers/credyt/template/billing-costs.js';
import { priceTableFor } from './price-table.js';

/** Fills `estimate` for events that give `expected` instead; returns the problems, each naming its field. */
export function deriveEstimates(config: BillingConfig): string[] {
  const problems: string[] = [];
  config.events.forEach((event, i) => {
    if (event.estimate !== undefined || !event.expected) return;
    const { model, inputTokens = 0, outputTokens = 0, images } = event.expected;
    const usage = images !== undefined ? { images } : { input_tokens: inputTokens, output_tokens: outputTokens };
    const priced = priceOf(priceTableFor(config), 'any', model, usage);
    if (!priced) {
      problems.push(`events[${i}].expected.model: no price for "${model}" in the toolkit's table (billing-codemod prices lists it); add it to costs.prices or give events[${i}].estimate`);
      return;
    }
    const inAsset = toAsset(config, priced.amount * (config.costs?.markup ?? 1));
    if (inAsset === null) {
      problems.push(`events[${i}].expected: the asset ${config.asset} has no USD rate in assets[] to convert the estimate; give events[${i}].estimate`);
      return;
    }
    event.estimate = inAsset;
  });
  return problems;
}

/** USD in the config's asset, rounded up to the asset's precision (a gate never asks for less than the cost). */
function toAsset(config: BillingConfig, usd: number): number | null {
  const asset = config.assets?.find((a) => a.code === config.asset);
  const precision = asset?.precision ?? 2;
  const rate = config.asset === 'USD' ? 1 : asset?.rates?.find((r) => r.source === 'USD')?.rate;
  if (!rate) return null;
  const step = 10 ** precision;
  return Math.max(1 / step, Math.ceil((usd / rate) * step - 1e-9) / step);
}
