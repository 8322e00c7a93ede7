#!/usr/bin/env node
// Rebuilds prices/ai-prices.json from an unpacked @pydantic/genai-prices package (MIT):
//   npm pack @pydantic/genai-prices && tar xzf pydantic-genai-prices-*.tgz && node scripts/update-prices.mjs package
// Token prices (USD per million tokens) for the vendors we map (OpenAI, Anthropic, Google) are taken as that
// table has them on its release date; per-image and audio prices it does not carry are kept from the current
// file (IMAGE_AND_AUDIO below), each with its own source.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/update-prices.mjs <unpacked @pydantic/genai-prices package dir>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const published = process.argv[3]; // the release date (npm view @pydantic/genai-prices time --json)
if (!/^\d{4}-\d{2}-\d{2}$/.test(published ?? '')) {
  console.error('pass the release date of that version as the second argument (YYYY-MM-DD)');
  process.exit(2);
}
const genai = await import(pathToFileURL(join(dir, 'dist/index.js')).href);
const providers = await genai.waitForUpdate();

const VENDORS = ['openai', 'anthropic', 'google'];
const taken = new Date(`${published}T00:00:00Z`);

// The price entry in force on the release date; time-of-day variants (off-peak discounts) are left out.
function pricesAt(model) {
  if (!Array.isArray(model.prices)) return model.prices;
  let chosen = model.prices[0].prices;
  for (const entry of model.prices) {
    if (entry.constraint?.type === 'start_date' && new Date(entry.constraint.start_date) <= taken) chosen = entry.prices;
  }
  return chosen;
}

// A tiered price (a long-context surcharge) is kept at its base: long prompts are under-costed, never over.
const base = (value) => (typeof value === 'object' && value !== null ? value.base : value);

const out = { takenAt: published, source: `${pkg.name} ${pkg.version} (${pkg.license}, ${pkg.homepage}), compiled from each vendor's pricing pages`, unit: 'USD per million tokens', vendors: {} };
for (const id of VENDORS) {
  const provider = providers.find((p) => p.id === id);
  const models = [];
  for (const model of provider.models) {
    const p = pricesAt(model);
    const input = base(p.input_mtok);
    const output = base(p.output_mtok);
    if (input === undefined && output === undefined) continue;
    const row = { id: model.id, match: model.match, input: input ?? 0, output: output ?? 0 };
    if (p.cache_read_mtok !== undefined) row.cachedInput = base(p.cache_read_mtok);
    if (p.cache_write_mtok !== undefined) row.cacheWrite = base(p.cache_write_mtok);
    if ([p.input_mtok, p.output_mtok, p.cache_read_mtok].some((v) => typeof v === 'object' && v !== null)) row.tiered = true;
    models.push(row);
  }
  out.vendors[id] = { pricingUrl: provider.pricing_urls?.[0] ?? null, models };
}
const current = JSON.parse(readFileSync(new URL('../prices/ai-prices.json', import.meta.url), 'utf8'));
out.images = current.images;
out.audio = current.audio;
writeFileSync(new URL('../prices/ai-prices.json', import.meta.url), oneRowPerLine(out));
console.log(`prices/ai-prices.json: ${VENDORS.map((v) => `${v} ${out.vendors[v].models.length} models`).join(', ')}, taken ${published}`);

// Two-space JSON with each model (and each image or audio price) on one line, so a price change is a one-line diff.
function oneRowPerLine(value) {
  return JSON.stringify(value, (key, v) => (Array.isArray(v) && v.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row)) ? v.map((row) => `\u0000${JSON.stringify(row)}`) : v), 2)
    .replace(/"\\u0000(.*)"(,?)$/gm, (_, row, comma) => JSON.parse(`"${row}"`) + comma) + '\n';
}
