// The price math of the generated costs module, per vendor and usage shape, against the shipped table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BillingConfig } from '../../src/config/types.js';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { priceFile, priceTableFor, tableAgeDays } from '../../src/costs/price-table.js';
import { generateCostsModule } from '../../src/providers/credyt/generate-costs.js';
import { priceOf } from '../../src/providers/credyt/template/billing-costs.js';

const config = { provider: 'credyt', asset: 'USD', products: [], events: [], customers: { onError: 'log' }, usage: { onError: 'log' }, gates: { onUnavailable: 'allow', topUpUrl: '/billing' }, paths: {} } as unknown as BillingConfig;
const table = priceTableFor(config);
const usd = (provider: string, model: string, usage: unknown) => priceOf(table, provider, model, usage)?.amount ?? null;
const close = (n: number | null) => (n === null ? null : Math.round(n * 1e9) / 1e9);

// gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per million tokens in the table.
describe('OpenAI', () => {
  it('prices chat usage with cached prompt tokens at the cached rate; reasoning tokens are already in completion_tokens', () => {
    const usage = { prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500, prompt_tokens_details: { cached_tokens: 400 }, completion_tokens_details: { reasoning_tokens: 200 } };
    expect(close(usd('openai', 'gpt-4o-mini', usage))).toBe(0.00042); // 600 × 0.15 + 400 × 0.075 + 500 × 0.6
  });

  it('prices the Responses API the same from input_tokens_details', () => {
    const usage = { input_tokens: 1000, output_tokens: 500, total_tokens: 1500, input_tokens_details: { cached_tokens: 400 }, output_tokens_details: { reasoning_tokens: 100 } };
    expect(close(usd('openai', 'gpt-4o-mini', usage))).toBe(0.00042);
  });

  it('prices a dated model id and a gateway id (openai/...) by the model they name', () => {
    expect(close(usd('openai', 'gpt-4o-mini-2024-07-18', { prompt_tokens: 1000, completion_tokens: 0 }))).toBe(0.00015);
    expect(priceOf(table, 'ai-sdk', 'openai/gpt-4o-mini', { inputTokens: 1000, outputTokens: 0 })).toMatchObject({ vendor: 'openai', amount: 0.00015 });
  });

  it('prices embeddings (input only) and images by model, size and quality (the model default otherwise)', () => {
    expect(close(usd('openai', 'text-embedding-3-small', { prompt_tokens: 1000, total_tokens: 1000 }))).toBe(0.00002);
    expect(close(usd('openai', 'dall-e-3', { images: 2, size: '1024x1792', quality: 'hd' }))).toBe(0.24);
    expect(close(usd('openai', 'dall-e-3', { images: 1 }))).toBe(0.04);
    expect(close(usd('openai', 'gpt-image-1', { images: 1, quality: 'auto' }))).toBe(0.167);
  });

  it('prices audio by the minute (whisper) and by the character (tts)', () => {
    expect(close(usd('openai', 'whisper-1', { seconds: 90 }))).toBe(0.009);
    expect(close(usd('openai', 'tts-1', { characters: 1000 }))).toBe(0.015);
  });
});

// claude-3-5-haiku: $0.80 input, $0.08 cache read, $1 cache write, $4 output.
describe('Anthropic', () => {
  it('adds cache reads and writes, which input_tokens does not include', () => {
    const usage = { input_tokens: 100, cache_read_input_tokens: 1000, cache_creation_input_tokens: 200, output_tokens: 50 };
    expect(close(usd('anthropic', 'claude-3-5-haiku-20241022', usage))).toBe(0.00056); // 80 + 80 + 200 + 200
  });

  it('prices the counts an Anthropic stream event pair gives ({ input_tokens, output_tokens })', () => {
    expect(close(usd('anthropic', 'claude-3-5-haiku-latest', { input_tokens: 1000, output_tokens: 100 }))).toBe(0.0012);
  });
});

describe('Google', () => {
  it('bills thinking tokens as output and cached content at the cached rate', () => {
    const row = table.tokens.find((r) => r.model === 'gemini-2.5-flash')!;
    const usage = { promptTokenCount: 1000, cachedContentTokenCount: 200, candidatesTokenCount: 300, thoughtsTokenCount: 100, totalTokenCount: 1400 };
    expect(close(usd('google', 'gemini-2.5-flash', usage))).toBe(close((800 * row.input + 200 * row.cachedInput! + 400 * row.output) / 1e6));
  });
});

describe('SDKs over several vendors', () => {
  it('AI SDK 5: cached input is part of inputTokens, except from its Anthropic provider', () => {
    expect(close(usd('ai-sdk', 'gpt-4o-mini', { inputTokens: 1000, outputTokens: 500, cachedInputTokens: 400, reasoningTokens: 200 }))).toBe(0.00042);
    expect(close(usd('ai-sdk', 'claude-3-5-haiku-latest', { inputTokens: 100, outputTokens: 50, cachedInputTokens: 1000 }))).toBe(0.00036);
  });

  it('AI SDK 4 (promptTokens) and LangChain usage_metadata', () => {
    expect(close(usd('ai-sdk', 'gpt-4o-mini', { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 }))).toBe(0.00045);
    expect(close(usd('langchain', 'gpt-4o-mini', { input_tokens: 1000, output_tokens: 500, total_tokens: 1500, input_token_details: { cache_read: 400 } }))).toBe(0.00042);
  });
});

describe('what is not priced', () => {
  it('gives no cost for an unknown model, a missing model or an unreadable usage: never a guess', () => {
    expect(priceOf(table, 'openai', 'my-own-finetune', { prompt_tokens: 10 })).toBeNull();
    expect(priceOf(table, 'openai', null, { prompt_tokens: 10 })).toBeNull();
    expect(priceOf(table, 'openai', 'gpt-4o-mini', undefined)).toBeNull();
    expect(priceOf(table, 'openai', 'gpt-4o-mini', { something: 1 })).toBeNull();
  });

  it('uses the config override before the shipped table', () => {
    const overridden = priceTableFor({ ...config, costs: { prices: { 'gpt-4o-mini': { input: 1, output: 2 } } } });
    expect(priceOf(overridden, 'openai', 'gpt-4o-mini', { prompt_tokens: 1000, completion_tokens: 500 })?.amount).toBe(0.002);
  });
});

describe('the shipped table', () => {
  it('says when it was taken and from where, and holds the three vendors', () => {
    const file = priceFile();
    expect(file.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.source).toContain('genai-prices');
    expect(Object.keys(file.vendors).sort()).toEqual(['anthropic', 'google', 'openai']);
    expect(tableAgeDays('2026-09-23', new Date('2026-12-22T12:00:00Z'))).toBe(90);
  });
});

describe('the generated module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'costs-module-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a priced call into one Credyt cost item, and an unknown model into none with one warning', async () => {
    const file = join(dir, 'billing-costs.mjs');
    writeFileSync(file, generateCostsModule({ language: 'js', module: 'esm', config: { ...config, costs: { vendors: { openai: 'vnd-openai' } } }, vendors: ['openai'] }));
    const { costOf } = (await import(pathToFileURL(file).href)) as { costOf: (p: string, m: unknown, u: unknown) => Array<Record<string, unknown>> };
    const [item, ...rest] = costOf('openai', 'gpt-4o-mini', { prompt_tokens: 1000, completion_tokens: 500 });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ vendor_external_id: 'vnd-openai', amount: 0.00045, currency: 'USD', metadata: { model: 'gpt-4o-mini' } });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(costOf('openai', 'unknown-model', { prompt_tokens: 1 })).toEqual([]);
    expect(costOf('openai', 'unknown-model', { prompt_tokens: 1 })).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('gate estimates from expected usage', () => {
  const withEvent = (event: object, extra: object = {}) =>
    JSON.stringify({ provider: 'credyt', asset: 'USD', products: [{ code: 'ai_usage' }], events: [{ type: 'chat_completion', calls: ['openai:*'], ...event }], ...extra });

  it('prices the expected tokens with the table, times the markup, rounded up to the asset precision', () => {
    const parsed = parseConfig(withEvent({ expected: { model: 'gpt-4o-mini', inputTokens: 100_000, outputTokens: 50_000 } }, { costs: { markup: 2 } }), 'billing.config.json');
    expect(parsed.events[0].estimate).toBe(0.09); // (0.015 + 0.03) × 2
  });

  it('converts to a custom asset at its USD rate', () => {
    const credits = { asset: 'CREDIT', assets: [{ code: 'CREDIT', name: 'Credits', precision: 0, rates: [{ source: 'USD', rate: 0.001 }] }] };
    const parsed = parseConfig(withEvent({ expected: { model: 'gpt-4o-mini', inputTokens: 1000, outputTokens: 500 } }, credits), 'billing.config.json');
    expect(parsed.events[0].estimate).toBe(1); // 0.00045 USD is 0.45 credit, at least one whole credit
  });

  it('keeps a given estimate, and names the field when the expected model has no price', () => {
    expect(parseConfig(withEvent({ estimate: 0.5, expected: { model: 'gpt-4o-mini' } }), 'c.json').events[0].estimate).toBe(0.5);
    expect(() => parseConfig(withEvent({ expected: { model: 'no-such-model' } }), 'c.json')).toThrow(ConfigError);
    expect(() => parseConfig(withEvent({ expected: { model: 'no-such-model' } }), 'c.json')).toThrow(/events\[0\]\.expected\.model: no price for "no-such-model"/);
    expect(() => parseConfig(withEvent({}), 'c.json')).toThrow(/events\[0\]\.estimate is required/);
  });
});
