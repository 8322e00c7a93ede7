// The price table shipped with the toolkit (prices/ai-prices.json, rebuilt by scripts/update-prices.mjs) and
// the config's overrides, as the table the generated costs module and the gate estimates both price with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BillingConfig } from '../config/types.js';
import { packageRoot } from '../package-root.js';
import type { AudioPrice, ImagePrice, ModelMatch, PriceTable, TokenPrice } from '../providers/credyt/template/billing-costs.js';

export interface PriceFile {
  takenAt: string;
  source: string;
  unit: string;
  vendors: Record<string, { pricingUrl: string | null; models: Array<{ id: string; match: ModelMatch; input: number; output: number; cachedInput?: number; cacheWrite?: number; tiered?: boolean }> }>;
  images: { source: string; models: ImagePrice[]; defaults: Record<string, string[]> };
  audio: { source: string; models: AudioPrice[] };
}

/** Vendor in the table -> the vendor's external id in Credyt, unless costs.vendors says otherwise. */
export const DEFAULT_VENDORS: Record<string, string> = { openai: 'openai', anthropic: 'anthropic', google: 'google' };

/** A table older than this gets a warning from `prices` and from the cost-tracking area. */
export const STALE_AFTER_DAYS = 90;

let file: PriceFile | null = null;

export function priceFile(): PriceFile {
  file ??= JSON.parse(readFileSync(join(packageRoot(), 'prices', 'ai-prices.json'), 'utf8')) as PriceFile;
  return file;
}

/** The vendors in the price table each SDK's calls are priced under. */
const SDK_VENDORS: Record<string, string[]> = {
  openai: ['openai'],
  anthropic: ['anthropic'],
  google: ['google'],
  'ai-sdk': ['openai', 'anthropic', 'google'],
  langchain: ['openai', 'anthropic', 'google'],
};

/** The SDKs whose calls the table can price. */
export const PRICED_SDKS = Object.keys(SDK_VENDORS);

/** The vendors whose prices the app needs: those of the SDKs its configured events cover. */
export function vendorsIn(config: BillingConfig): string[] {
  const sdks = config.events.flatMap((e) => e.calls.map((c) => c.split(':')[0]));
  return [...new Set(sdks.flatMap((sdk) => SDK_VENDORS[sdk] ?? []))].sort();
}

export function vendorsOf(config: BillingConfig): Record<string, string> {
  return { ...DEFAULT_VENDORS, ...config.costs?.vendors };
}

/** The table for an app: the config's per-model overrides first (first match wins), then the shipped rows of `vendors`. */
export function priceTableFor(config: BillingConfig, vendors: string[] = Object.keys(vendorsOf(config))): PriceTable {
  const shipped = priceFile();
  const overrides: TokenPrice[] = Object.entries(config.costs?.prices ?? {}).map(([model, p]) => ({
    vendor: p.vendor ?? vendorOfModel(shipped, model) ?? 'openai',
    model,
    match: { equals: model },
    input: p.input,
    output: p.output ?? 0,
    ...(p.cachedInput !== undefined ? { cachedInput: p.cachedInput } : {}),
    ...(p.cacheWrite !== undefined ? { cacheWrite: p.cacheWrite } : {}),
  }));
  const tokens = vendors.flatMap((vendor) =>
    (shipped.vendors[vendor]?.models ?? [])
      // The Google table also prices Claude on Vertex; a Google SDK call never names a Claude model.
      .filter((m) => !(vendor === 'google' && m.id.startsWith('claude')))
      .map((m): TokenPrice => ({ vendor, model: m.id, match: m.match, input: m.input, output: m.output, ...(m.cachedInput !== undefined ? { cachedInput: m.cachedInput } : {}), ...(m.cacheWrite !== undefined ? { cacheWrite: m.cacheWrite } : {}) })),
  );
  return {
    tokens: [...overrides, ...tokens],
    images: shipped.images.models.filter((row) => vendors.includes(row.vendor)),
    imageDefaults: shipped.images.defaults,
    audio: shipped.audio.models.filter((row) => vendors.includes(row.vendor)),
  };
}

function vendorOfModel(shipped: PriceFile, model: string): string | undefined {
  return Object.entries(shipped.vendors).find(([, v]) => v.models.some((m) => m.id === model))?.[0];
}

/** Whole days between the table's date and `now`. */
export function tableAgeDays(takenAt: string, now = new Date()): number {
  return Math.floor((now.getTime() - new Date(`${takenAt}T00:00:00Z`).getTime()) / 86_400_000);
}
