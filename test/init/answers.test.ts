// init's answers without a terminal: the flags, what each billing model writes, and that the defaults are
// exactly what `init --yes` wrote before there were questions.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/areas/run.js';
import { configFromDetection } from '../../src/config/from-detection.js';
import { parseConfig } from '../../src/config/load.js';
import type { PackageInfo } from '../../src/detect/types.js';
import { configFromAnswers } from '../../src/init/answers.js';
import { answersFromFlags } from '../../src/init/flags.js';

const pkg = {
  path: '.',
  name: 'app',
  billableCalls: [
    { file: 'src/chat.ts', line: 3, provider: 'openai', call: 'chat.completions.create' },
    { file: 'src/images.ts', line: 9, provider: 'openai', call: 'images.generate' },
  ],
} as unknown as PackageInfo;

const configFor = (flags: Parameters<typeof answersFromFlags>[1]) => configFromAnswers(pkg, answersFromFlags(pkg, flags).answers, 'schema.json');

describe('init answers', () => {
  it('keeps `init --yes` as it was: the defaults are the detected config', () => {
    expect(configFor({})).toEqual(configFromDetection(pkg, 'schema.json'));
  });

  it('a recurring fee only: the fixed monthly price, no usage prices (usage is metered, not charged)', () => {
    const config = configFor({ model: 'recurring', fee: '29' });
    expect(config.products[0]!.prices).toEqual([{ name: 'Monthly fee', type: 'fixed', billing_model: { type: 'recurring', recurring: { interval: 'month' } }, pricing: [{ asset: 'USD', values: [{ unit_price: 29 }] }] }]);
    expect(() => parseConfig(JSON.stringify(config), 'c.json')).not.toThrow();
  });

  it('credits of your own: default prices and estimates follow the rate; a given price is kept as given', () => {
    const config = configFor({ asset: 'credit', assetRate: '0.01', price: ['image_generation=3'] });
    expect(config.asset).toBe('CREDIT');
    const rates = config.products[0]!.prices!.map((p) => p.pricing[0]!.values[0]);
    expect(rates).toEqual([{ volume_rate: 0.001 }, { volume_rate: 3 }]); // 0.00001 USD a token is 0.001 credit
    expect(config.events.map((e) => e.estimate)).toEqual([1, 4]); // 0.01 and 0.04 USD, in whole credits
    expect(() => parseConfig(JSON.stringify(config), 'c.json')).not.toThrow();
  });

  it('prices an event per the volume field and records the dimensions the flags give', () => {
    const config = configFor({ volumeField: ['chat_completion=output_tokens'], dimensions: ['chat_completion=none'] });
    expect(config.events[0]).toMatchObject({ type: 'chat_completion', volumeField: 'output_tokens' });
    expect(config.events[0]!.dimensions).toBeUndefined();
    expect(config.products[0]!.prices![0]!.usage_calculation).toEqual({ event_type: 'chat_completion', usage_type: 'volume', volume_field: 'output_tokens' });
  });

  it('names the flag a bad value came from', () => {
    expect(() => answersFromFlags(pkg, { model: 'monthly' })).toThrow(new UsageError('--model must be prepaid, recurring or hybrid'));
    expect(() => answersFromFlags(pkg, { events: 'chat_completion,video' })).toThrow(/--events: video is not a kind of call detect found/);
    expect(() => answersFromFlags(pkg, { price: ['chat_completion'] })).toThrow(/--price chat_completion: expected <event type>=<price>/);
    expect(() => answersFromFlags(pkg, { signupCredits: '-5' })).toThrow(/--signup-credits must be a number, 0 or more/);
    expect(() => answersFromFlags(pkg, { asset: 'credits!' })).toThrow(/--asset must be USD or a code/);
  });
});
