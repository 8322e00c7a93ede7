// What `init` asks (interactively, or by flags) and the config the answers make. The defaults are what
// detection found, so `init --yes` writes today's config: prepaid usage in USD, one event per kind of
// billable call with a placeholder price, each user paying.
import type { BillableCall, PackageInfo } from '../detect/types.js';
import { billableKinds, configFromDetection, priceFor, PRODUCT_CODE, publishedSchemaUrl } from '../config/from-detection.js';
import type { BillingConfig, PriceDefinition } from '../config/types.js';

export type BillingModel = 'prepaid' | 'recurring' | 'hybrid';

export interface EventAnswer {
  type: string;
  usage: 'unit' | 'volume';
  /** The data field the price is per unit of (volume pricing). */
  volumeField?: string;
  dimensions: string[];
  /** Per call (unit) or per unit of the volume field, in the asset. */
  price: number;
}

export interface CustomAsset {
  code: string;
  name: string;
  /** USD per one unit of the asset. */
  rate: number;
  precision: number;
}

export interface Answers {
  /** The kinds of billable call to bill, in detection's order. */
  events: EventAnswer[];
  model: BillingModel;
  /** Monthly fee in USD (recurring and hybrid). */
  fee: number;
  /** What the fee includes each month, in the asset (hybrid). */
  allowance: number;
  asset: 'USD' | CustomAsset;
  entity: 'user' | 'organization' | 'team';
  /** Free credits at signup, in the asset; 0 for none. */
  signupCredits: number;
}

/** The kinds detection found, each with its calls, for the first question. */
export function kindsFound(pkg: PackageInfo): Array<{ type: string; description: string; calls: BillableCall[] }> {
  return billableKinds(pkg).map(({ kind, found }) => ({ type: kind.type, description: kind.description, calls: found }));
}

export function defaultAnswers(pkg: PackageInfo): Answers {
  return {
    events: billableKinds(pkg).map(({ kind }) => ({
      type: kind.type,
      usage: kind.volumeField ? 'volume' : 'unit',
      ...(kind.volumeField ? { volumeField: kind.volumeField } : {}),
      dimensions: kind.dimensions ?? [],
      price: kind.rate,
    })),
    model: 'prepaid',
    fee: 20,
    allowance: 10,
    asset: 'USD',
    entity: 'user',
    signupCredits: 0,
  };
}

/** A USD rate (per token, per call) in the asset: not rounded, a rate may be a fraction of the smallest unit. */
export function rateInAsset(usd: number, asset: Answers['asset']): number {
  return asset === 'USD' ? usd : Number((usd / asset.rate).toPrecision(10));
}

/** The answers with a new asset: each price not given explicitly follows it from detection's USD default. */
export function withAsset(pkg: PackageInfo, answers: Answers, asset: Answers['asset'], explicit: ReadonlySet<string> = new Set()): Answers {
  const defaults = new Map(defaultAnswers(pkg).events.map((e) => [e.type, e.price]));
  const events = answers.events.map((e) => (explicit.has(e.type) ? e : { ...e, price: rateInAsset(defaults.get(e.type) ?? e.price, asset) }));
  return { ...answers, asset, events };
}

/** A USD amount in the asset: divided by its rate, rounded to its precision (at least one smallest unit). */
export function inAsset(usd: number, asset: Answers['asset']): number {
  if (asset === 'USD') return usd;
  const step = 10 ** asset.precision;
  return Math.max(1 / step, Math.round((usd / asset.rate) * step) / step);
}

export function configFromAnswers(pkg: PackageInfo, answers: Answers, schema = publishedSchemaUrl()): BillingConfig {
  const base = configFromDetection(pkg, schema);
  const code = answers.asset === 'USD' ? 'USD' : answers.asset.code;
  const kinds = new Map(billableKinds(pkg).map(({ kind }) => [kind.type, kind]));
  const events = answers.events.map((answer) => {
    const detected = base.events.find((e) => e.type === answer.type)!;
    return {
      type: detected.type,
      description: detected.description,
      calls: detected.calls,
      ...(answer.usage === 'volume' && answer.volumeField ? { volumeField: answer.volumeField } : {}),
      ...(answer.dimensions.length ? { dimensions: answer.dimensions } : {}),
      estimate: inAsset(kinds.get(answer.type)!.estimate, answers.asset),
      estimateReviewed: false,
    };
  });
  const usagePrices = answers.model === 'recurring' ? [] : answers.events.map((answer) => usagePrice(kinds.get(answer.type)!, answer, code));
  const prices: PriceDefinition[] = [...(answers.model === 'prepaid' ? [] : [monthlyFee(answers.fee)]), ...usagePrices];
  const product = {
    code: PRODUCT_CODE,
    name: answers.model === 'prepaid' ? 'AI usage' : 'Monthly plan',
    description: answers.model === 'prepaid' ? base.products[0]!.description : `Placeholder prices written by billing-codemod init (${answers.model}): review before going live.`,
    prices,
    ...(answers.model === 'hybrid' ? { entitlements: [{ name: 'Monthly allowance', asset: code, amount: answers.allowance, purpose: 'bundled', lifecycle: { duration: 'month', duration_count: 1 } }] } : {}),
  };
  return {
    $schema: base.$schema,
    provider: base.provider,
    asset: code,
    ...(answers.asset === 'USD' ? {} : { assets: [{ code, name: answers.asset.name, precision: answers.asset.precision, rates: [{ source: 'USD', rate: answers.asset.rate }] }] }),
    products: [product],
    events,
    customers: {
      ...base.customers,
      ...(answers.entity === 'user' ? {} : { entity: answers.entity }),
      ...(answers.signupCredits > 0 ? { signupCredits: answers.signupCredits } : {}),
    },
    usage: base.usage,
    gates: base.gates,
    paths: base.paths,
  };
}

function usagePrice(kind: Parameters<typeof priceFor>[0], answer: EventAnswer, asset: string): PriceDefinition {
  const price = priceFor({ ...kind, volumeField: answer.usage === 'volume' ? answer.volumeField : undefined, rate: answer.price });
  return { ...price, pricing: price.pricing.map((line) => ({ ...line, asset })) };
}

function monthlyFee(fee: number): PriceDefinition {
  return { name: 'Monthly fee', type: 'fixed', billing_model: { type: 'recurring', recurring: { interval: 'month' } }, pricing: [{ asset: 'USD', values: [{ unit_price: fee }] }] };
}
