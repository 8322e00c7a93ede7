// init as a person runs it: in a real pseudo-terminal, one question at a time, answers typed, the screen read
// back. Pre-filled with what detect found; flags answer their questions; Ctrl-C writes nothing.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { KEY, runInTerminal } from '../helpers/pty.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'next-pages');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function app(): string {
  const dir = mkdtempSync(join(tmpdir(), 'init-pty-'));
  made.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  return dir;
}

describe('init in a terminal', () => {
  it('asks one question at a time, shows what detect found, and writes the config the answers make', async () => {
    const dir = app();
    const term = runInTerminal(['init', dir, '--allow-dirty'], dir);
    await term.waitFor(/What does this app charge for\?/);
    await term.waitFor(/chat_completion: text generation, priced per token \(pages\/api\/generate\.ts:\d+\)/);
    term.type(KEY.enter); // both kinds, as found
    await term.waitFor(/How do customers pay\?/);
    term.type(`${KEY.down}${KEY.down}${KEY.enter}`); // a fee that includes an allowance
    await term.waitFor(/The monthly fee, in US dollars/);
    term.answer('15');
    await term.waitFor(/What do balances and prices count in\?/);
    term.type(`${KEY.down}${KEY.enter}`); // credits of your own
    await term.waitFor(/Its code/);
    term.answer('TOKENS');
    await term.waitFor(/Its name/);
    term.answer('Tokens');
    await term.waitFor(/What one TOKENS costs, in US dollars/);
    term.answer('0.001');
    await term.waitFor(/Decimal places/);
    term.answer('0');
    await term.waitFor(/What the fee includes each month, in TOKENS/);
    term.answer('5000');
    await term.waitFor(/chat_completion: charge per call, or per total_tokens\?/);
    term.type(KEY.enter); // per token
    await term.waitFor(/chat_completion: which tokens are charged\?/);
    term.type(`${KEY.down}${KEY.enter}`); // only what the model writes
    await term.waitFor(/chat_completion: what should each event record besides its volume\?/);
    term.type(KEY.enter); // the model, as detected
    await term.waitFor(/chat_completion: the price per output_tokens, in TOKENS/);
    term.answer('0.01');
    await term.waitFor(/image_generation: charge per call, or per images\?/);
    term.type(`${KEY.down}${KEY.enter}`); // per call
    await term.waitFor(/image_generation: what should each event record besides its volume\?/);
    term.type(`${KEY.space}${KEY.enter}`); // not the model
    await term.waitFor(/image_generation: the price per call, in TOKENS/);
    term.answer('40');
    await term.waitFor(/Who pays\?/);
    term.type(`${KEY.down}${KEY.enter}`); // their organization
    await term.waitFor(/Free credits at signup, in TOKENS/);
    term.answer('100');
    await term.waitFor(/Write 1 file\(s\)\?/);
    term.type(`y${KEY.enter}`);
    expect(await term.exit(), term.screen()).toBe(0);

    const config = loadConfig(dir)!; // validated against the schema
    expect(config.asset).toBe('TOKENS');
    expect(config.assets).toEqual([{ code: 'TOKENS', name: 'Tokens', precision: 0, rates: [{ source: 'USD', rate: 0.001 }] }]);
    const [product] = config.products;
    expect(product!.prices!.map((p) => [p.name, p.type, p.pricing[0]!.asset, p.pricing[0]!.values[0]])).toEqual([
      ['Monthly fee', 'fixed', 'USD', { unit_price: 15 }],
      ['Text generation, priced per token', 'usage_based', 'TOKENS', { volume_rate: 0.01 }],
      ['Image generation, priced per image', 'usage_based', 'TOKENS', { unit_price: 40 }],
    ]);
    expect(product!.entitlements).toEqual([{ name: 'Monthly allowance', asset: 'TOKENS', amount: 5000, purpose: 'bundled', lifecycle: { duration: 'month', duration_count: 1 } }]);
    expect(config.events.map((e) => [e.type, e.volumeField, e.dimensions])).toEqual([['chat_completion', 'output_tokens', ['model']], ['image_generation', undefined, undefined]]);
    expect(product!.prices![1]!.usage_calculation).toEqual({ event_type: 'chat_completion', usage_type: 'volume', volume_field: 'output_tokens' });
    expect(config.customers).toMatchObject({ entity: 'organization', signupCredits: 100 });
  }, 60_000);

  it('does not ask what a flag answered', async () => {
    const dir = app();
    const term = runInTerminal(['init', dir, '--allow-dirty', '--events', 'image_generation', '--model', 'prepaid', '--asset', 'USD', '--price', 'image_generation=0.05', '--entity', 'user', '--signup-credits', '0'], dir);
    await term.waitFor(/image_generation: charge per call, or per images\?/);
    term.type(KEY.enter);
    await term.waitFor(/image_generation: what should each event record/);
    term.type(KEY.enter);
    await term.waitFor(/Write 1 file\(s\)\?/);
    term.type(`y${KEY.enter}`);
    expect(await term.exit(), term.screen()).toBe(0);
    expect(term.screen()).not.toMatch(/What does this app charge for|How do customers pay|count in|Who pays|Free credits/);
    const config = loadConfig(dir)!;
    expect(config.events.map((e) => e.type)).toEqual(['image_generation']);
    expect(config.products[0]!.prices![0]!.pricing[0]!.values[0]).toEqual({ volume_rate: 0.05 });
  }, 60_000);

  it('writes nothing when interrupted with Ctrl-C', async () => {
    const dir = app();
    const term = runInTerminal(['init', dir, '--allow-dirty'], dir);
    await term.waitFor(/What does this app charge for\?/);
    term.type(KEY.enter);
    await term.waitFor(/How do customers pay\?/);
    term.type(KEY.ctrlC);
    expect(await term.exit()).toBe(1);
    expect(term.screen()).toContain('init cancelled: nothing was written');
    expect(existsSync(join(dir, 'billing.config.json'))).toBe(false);
  }, 60_000);
});
