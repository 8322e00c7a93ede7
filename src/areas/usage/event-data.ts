// What a usage event carries for each kind of billable call: where its response reports the token counts,
// the number of images, the model and an id, per SDK major (the field names differ: OpenAI v4+ reads
// `usage.prompt_tokens` off the completion, v3 the same under axios' `data`, Anthropic `usage.input_tokens`,
// the AI SDK `totalUsage.inputTokens` from v5 and `usage.promptTokens` before).
import type { EventConfig } from '../../config/types.js';
import type { CallMatch } from '../../detect/billable-calls.js';

/** The expression for a top-level property of the call's result (`completion.usage`, or a destructured `usage`). */
export type Root = (prop: string) => string;

/** Where a result reports what the event needs; each field is an expression built from the result. */
export interface UsageReading {
  total?: (r: Root) => string;
  input?: (r: Root) => string;
  output?: (r: Root) => string;
  images?: (r: Root) => string;
  model?: (r: Root) => string;
  subject?: (r: Root) => string;
}

/** Installed majors of the SDKs whose field names changed between majors (openai v3 is told apart by its method names). */
export interface SdkMajors {
  ai: number;
}

export const LATEST_MAJORS: SdkMajors = { ai: 5 };

const OPENAI_CHAT: UsageReading = {
  total: (r) => `${r('usage')}?.total_tokens`,
  input: (r) => `${r('usage')}?.prompt_tokens`,
  output: (r) => `${r('usage')}?.completion_tokens`,
  model: (r) => r('model'),
  subject: (r) => r('id'),
};

const OPENAI_RESPONSES: UsageReading = {
  total: (r) => `${r('usage')}?.total_tokens`,
  input: (r) => `${r('usage')}?.input_tokens`,
  output: (r) => `${r('usage')}?.output_tokens`,
  model: (r) => r('model'),
  subject: (r) => r('id'),
};

const OPENAI_EMBEDDINGS: UsageReading = {
  total: (r) => `${r('usage')}.total_tokens`,
  input: (r) => `${r('usage')}.prompt_tokens`,
  model: (r) => r('model'),
};

const OPENAI_IMAGES: UsageReading = { images: (r) => `${r('data')}?.length` };

// openai v3 returns the axios response: the API's body is under `data`.
const OPENAI_V3_CHAT: UsageReading = {
  total: (r) => `${r('data')}.usage?.total_tokens`,
  input: (r) => `${r('data')}.usage?.prompt_tokens`,
  output: (r) => `${r('data')}.usage?.completion_tokens`,
  model: (r) => `${r('data')}.model`,
  subject: (r) => `${r('data')}.id`,
};

export const ANTHROPIC_MESSAGE: UsageReading = {
  total: (r) => `${r('usage')}.input_tokens + ${r('usage')}.output_tokens`,
  input: (r) => `${r('usage')}.input_tokens`,
  output: (r) => `${r('usage')}.output_tokens`,
  model: (r) => r('model'),
  subject: (r) => r('id'),
};

// @google/genai GenerateContentResponse.
const GOOGLE_CONTENT: UsageReading = {
  total: (r) => `${r('usageMetadata')}?.totalTokenCount`,
  input: (r) => `${r('usageMetadata')}?.promptTokenCount`,
  output: (r) => `${r('usageMetadata')}?.candidatesTokenCount`,
  model: (r) => r('modelVersion'),
  subject: (r) => r('responseId'),
};

// A LangChain chat model's AIMessage.
const LANGCHAIN_MESSAGE: UsageReading = {
  total: (r) => `${r('usage_metadata')}?.total_tokens`,
  input: (r) => `${r('usage_metadata')}?.input_tokens`,
  output: (r) => `${r('usage_metadata')}?.output_tokens`,
  // OpenAI models report `model_name`, Anthropic's `model`.
  model: (r) => `${r('response_metadata')}?.model_name ?? ${r('response_metadata')}?.model`,
  subject: (r) => r('id'),
};

function aiSdkText(major: number, usageProp: 'totalUsage' | 'usage'): UsageReading {
  const [input, output] = major >= 5 ? ['inputTokens', 'outputTokens'] : ['promptTokens', 'completionTokens'];
  // v5 splits the last step's `usage` from the whole call's `totalUsage`; before v5 `usage` was the total.
  const usage = major >= 5 ? usageProp : 'usage';
  return {
    total: (r) => `${r(usage)}.totalTokens`,
    input: (r) => `${r(usage)}.${input}`,
    output: (r) => `${r(usage)}.${output}`,
    model: (r) => `${r('response')}.modelId`,
    subject: (r) => `${r('response')}.id`,
  };
}

/** How the result of `match` reports usage; null when the call is not one we can read (config-named calls). */
export function readingFor(match: CallMatch, majors: SdkMajors): UsageReading {
  const call = match.call;
  switch (match.provider) {
    case 'openai':
      if (/^create(Chat)?Completion$/.test(call)) return OPENAI_V3_CHAT;
      if (call === 'createEmbedding') return { total: (r) => `${r('data')}.usage.total_tokens`, input: (r) => `${r('data')}.usage.prompt_tokens`, model: (r) => `${r('data')}.model` };
      if (/^createImage/.test(call)) return { images: (r) => `${r('data')}.data.length` };
      if (/^responses\./.test(call)) return OPENAI_RESPONSES;
      if (/(^|\.)(chat\.completions\.(create|parse|stream)|completions\.create)$/.test(call)) return OPENAI_CHAT;
      if (call === 'embeddings.create') return OPENAI_EMBEDDINGS;
      if (/^images\./.test(call)) return OPENAI_IMAGES;
      return {};
    case 'anthropic':
      return /messages\./.test(call) ? ANTHROPIC_MESSAGE : { model: (r) => r('model'), subject: (r) => r('id') };
    case 'ai-sdk':
      if (/^(generate|stream)Text$/.test(call)) return aiSdkText(majors.ai, 'totalUsage');
      if (/^(generate|stream)Object$/.test(call)) return aiSdkText(majors.ai, 'usage');
      if (/^embed(Many)?$/.test(call)) return { total: (r) => `${r('usage')}.tokens` };
      if (/generateImage$/.test(call)) return { images: (r) => `${r('images')}.length` };
      return {};
    case 'replicate':
      return call === 'predictions.create' ? { model: (r) => r('model'), subject: (r) => r('id') } : {};
    case 'groq':
      return /chat\.completions/.test(call) ? OPENAI_CHAT : {};
    case 'google':
      return /generateContent/.test(call) ? GOOGLE_CONTENT : {};
    case 'langchain':
      // A chain's result is whatever its last step returns (text, parsed JSON): only a model's own message reports usage.
      return !match.chain && call === 'invoke' ? LANGCHAIN_MESSAGE : {};
    default:
      return {};
  }
}

/** The event's `data` entries and `subject`, with what the config asks for that the result cannot give. */
export interface EventFields {
  data: Array<[string, string]>;
  subject: string | null;
  /** Data fields the config names that this call's result does not report (for a person to fill in). */
  missing: string[];
}

const VOLUME_SOURCES: Record<string, keyof UsageReading> = {
  total_tokens: 'total',
  tokens: 'total',
  input_tokens: 'input',
  prompt_tokens: 'input',
  output_tokens: 'output',
  completion_tokens: 'output',
  images: 'images',
};

/**
 * The event data: the config's volume field gets the volume (token total, or the image count), then the
 * input and output token counts when the provider reports them, then each configured dimension (`model`
 * from the response, else the request's `model` argument).
 */
export function eventFields(reading: UsageReading, event: EventConfig, root: Root, requestModel: string | null): EventFields {
  const data: Array<[string, string]> = [];
  const missing: string[] = [];
  const field = (source: keyof UsageReading) => reading[source]?.(root) ?? null;
  const volumeField = event.volumeField ?? (reading.images ? 'images' : reading.total ? 'total_tokens' : null);
  if (volumeField) {
    const source = VOLUME_SOURCES[volumeField];
    const value = source ? field(source) : (field('images') ?? field('total'));
    if (value) data.push([volumeField, value]);
    else missing.push(volumeField);
  }
  for (const [key, source] of [['input_tokens', 'input'], ['output_tokens', 'output']] as const) {
    const value = field(source);
    if (value && !data.some(([k]) => VOLUME_SOURCES[k] === source)) data.push([key, value]);
  }
  for (const dimension of event.dimensions ?? []) {
    const value = dimension === 'model' ? (field('model') ?? requestModel) : null;
    if (value) data.push([dimension, value]);
    else missing.push(dimension);
  }
  return { data, subject: field('subject'), missing };
}
