// The config `init --yes` writes: one event type per kind of billable call detection found, USD, one usage
// product pricing every event, and estimates marked as placeholders for a person to review.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { toolkitVersion } from '../package-root.js';
import type { BillableCall, PackageInfo } from '../detect/types.js';
import type { BillingConfig, EventConfig, PriceDefinition } from './types.js';

export interface EventKind {
  type: string;
  description: string;
  matches(call: BillableCall): boolean;
  volumeField?: string;
  dimensions?: string[];
  /** Placeholder cost of one call, in USD. */
  estimate: number;
  /** Placeholder price: per unit of the volume field, or per call. */
  rate: number;
}

const TEXT = /^(chat\.|beta\.chat\.|responses\.|completions\.create$|createChatCompletion$|createCompletion$|messages\.|beta\.messages\.)/;

const KINDS: EventKind[] = [
  {
    type: 'chat_completion',
    description: 'Text generation, priced per token',
    matches: (c) =>
      (c.provider !== 'ai-sdk' && c.provider !== 'replicate' && TEXT.test(c.call)) ||
      (c.provider === 'ai-sdk' && /^(generate|stream)(Text|Object)$/.test(c.call)) ||
      (c.provider === 'langchain' && /^(invoke|stream|batch)$/.test(c.call)) ||
      (c.provider === 'google' && /^models\.generateContent/.test(c.call)),
    volumeField: 'total_tokens',
    dimensions: ['model'],
    estimate: 0.01,
    rate: 0.00001,
  },
  {
    type: 'embedding',
    description: 'Embeddings, priced per token',
    matches: (c) => /^(embeddings\.create|createEmbedding|embed|embedMany|embedQuery|embedDocuments|models\.embedContent)$/.test(c.call),
    volumeField: 'total_tokens',
    dimensions: ['model'],
    estimate: 0.001,
    rate: 0.0000001,
  },
  {
    type: 'image_generation',
    description: 'Image generation, priced per image',
    matches: (c) => /^(images\.|createImage|generateImage$|experimental_generateImage$|models\.generateImages$)/.test(c.call),
    volumeField: 'images',
    dimensions: ['model'],
    estimate: 0.04,
    rate: 0.04,
  },
  {
    type: 'audio_processing',
    description: 'Speech and transcription, priced per call',
    matches: (c) => /^(audio\.|createTranscription|createTranslation|transcribe|experimental_transcribe|generateSpeech|experimental_generateSpeech)/.test(c.call),
    estimate: 0.01,
    rate: 0.01,
  },
  {
    type: 'model_run',
    description: 'Hosted model runs, priced per run',
    matches: (c) => c.provider === 'replicate',
    dimensions: ['model'],
    estimate: 0.05,
    rate: 0.05,
  },
];

export const PRODUCT_CODE = 'ai_usage';

/**
 * `$schema` for a config in `configDir`: the schema of the billing-codemod the app has installed (nearest
 * node_modules up to `rootDir`), else the schema this version published, so an editor can always fetch it.
 */
export function schemaReference(configDir: string, rootDir: string): string {
  for (let dir = configDir; ; dir = dirname(dir)) {
    const local = join(dir, 'node_modules', 'billing-codemod', 'schema', 'billing.config.schema.json');
    if (existsSync(local)) return relative(configDir, local).split(sep).join('/').replace(/^(?!\.)/, './');
    if (dir === rootDir || dirname(dir) === dir) break;
  }
  return publishedSchemaUrl();
}

export function publishedSchemaUrl(): string {
  return `https://unpkg.com/billing-codemod@${toolkitVersion()}/schema/billing.config.schema.json`;
}

/** Each kind of billable call detection found, with its calls (for init's questions). */
export function billableKinds(pkg: PackageInfo): Array<{ kind: EventKind; found: BillableCall[] }> {
  return KINDS.map((kind) => ({ kind, found: pkg.billableCalls.filter((c) => c.provider !== 'config' && kind.matches(c)) })).filter((k) => k.found.length > 0);
}

export function configFromDetection(pkg: PackageInfo, schema = publishedSchemaUrl()): BillingConfig {
  const events: EventConfig[] = [];
  const prices: PriceDefinition[] = [];
  for (const { kind, found } of billableKinds(pkg)) {
    const calls = [...new Set(found.map((c) => `${c.provider}:${c.call}`))].sort();
    events.push({
      type: kind.type,
      description: kind.description,
      calls,
      ...(kind.volumeField ? { volumeField: kind.volumeField } : {}),
      ...(kind.dimensions ? { dimensions: kind.dimensions } : {}),
      estimate: kind.estimate,
      estimateReviewed: false,
    });
    prices.push(priceFor(kind));
  }
  return {
    $schema: schema,
    provider: 'credyt',
    asset: 'USD',
    products: [{ code: PRODUCT_CODE, name: 'AI usage', description: 'Placeholder prices written by billing-codemod init: review before going live.', prices }],
    events,
    customers: { onError: 'log', createOnFirstUse: true },
    usage: { onError: 'log' },
    gates: { onUnavailable: 'allow', topUpUrl: '/billing' },
    paths: {},
  };
}

export function priceFor(kind: EventKind): PriceDefinition {
  return {
    name: kind.description,
    type: 'usage_based',
    billing_model: { type: 'real_time' },
    usage_calculation: kind.volumeField
      ? { event_type: kind.type, usage_type: 'volume', volume_field: kind.volumeField }
      : { event_type: kind.type, usage_type: 'unit' },
    pricing: [{ asset: 'USD', values: [kind.volumeField ? { volume_rate: kind.rate } : { unit_price: kind.rate }] }],
  };
}
