// OpenAI-compatible endpoints: Chat Completions, Responses, Images, Embeddings.
// Bodies follow the real API closely enough for the official SDK and the Vercel AI SDK to parse them.
import type { ServerResponse } from 'node:http';
import { openAiError, sendJson, sendSse, type Pacing, type SseEvent } from './http.js';
import {
  chatPromptText,
  countTokens,
  embeddingInputs,
  fakeId,
  replyText,
  responsesPromptText,
  streamDeltas,
} from './text.js';

type Json = Record<string, any>;
const now = () => Math.floor(Date.now() / 1000);
const requestIdHeader = () => ({ 'x-request-id': fakeId('req_') });

export async function chatCompletions(res: ServerResponse, body: Json, pacing: Pacing): Promise<void> {
  if (!Array.isArray(body.messages)) return openAiError(res, 400, "Missing required parameter: 'messages'.");
  const model = String(body.model ?? 'gpt-4o-mini');
  const promptTokens = countTokens(chatPromptText(body));
  const reply = replyText(promptTokens);
  const completionTokens = countTokens(reply);
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  const id = fakeId('chatcmpl-');
  const created = now();

  if (!body.stream) {
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage,
      system_fingerprint: 'fp_fake',
    }, requestIdHeader());
  }

  const includeUsage = body.stream_options?.include_usage === true;
  const chunk = (choices: unknown[], extra: Json = {}) => ({
    data: { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices, ...(includeUsage ? { usage: null } : {}), ...extra },
  });
  const events: SseEvent[] = [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]),
    ...streamDeltas(reply).map((content) => ({ ...chunk([{ index: 0, delta: { content }, logprobs: null, finish_reason: null }]), text: true })),
    chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]),
  ];
  // With include_usage the real API sends one more chunk: no choices, the usage of the whole call.
  if (includeUsage) events.push(chunk([], { usage }));
  events.push({ data: '[DONE]' });
  await sendSse(res, events, pacing, requestIdHeader());
}

export async function responses(res: ServerResponse, body: Json, pacing: Pacing): Promise<void> {
  if (body.input === undefined) return openAiError(res, 400, "Missing required parameter: 'input'.");
  const model = String(body.model ?? 'gpt-4o-mini');
  const inputTokens = countTokens(responsesPromptText(body));
  const reply = replyText(inputTokens);
  const outputTokens = countTokens(reply);
  const id = fakeId('resp_');
  const itemId = fakeId('msg_');
  const createdAt = now();
  const message = (status: string, text: string | null) => ({
    id: itemId,
    type: 'message',
    status,
    role: 'assistant',
    content: text === null ? [] : [{ type: 'output_text', text, annotations: [], logprobs: [] }],
  });
  const response = (status: string, output: unknown[], usage: unknown) => ({
    id,
    object: 'response',
    created_at: createdAt,
    status,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output,
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage,
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  });
  const usage = {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + outputTokens,
  };

  if (!body.stream) return sendJson(res, 200, response('completed', [message('completed', reply)], usage), requestIdHeader());

  let seq = 0;
  const ev = (type: string, data: Json): SseEvent => ({ event: type, data: { type, sequence_number: seq++, ...data } });
  const part = (text: string) => ({ type: 'output_text', text, annotations: [], logprobs: [] });
  const at = { item_id: itemId, output_index: 0, content_index: 0 };
  const events: SseEvent[] = [
    ev('response.created', { response: response('in_progress', [], null) }),
    ev('response.in_progress', { response: response('in_progress', [], null) }),
    ev('response.output_item.added', { output_index: 0, item: message('in_progress', null) }),
    ev('response.content_part.added', { ...at, part: part('') }),
    ...streamDeltas(reply).map((delta) => ({ ...ev('response.output_text.delta', { ...at, delta, logprobs: [] }), text: true })),
    ev('response.output_text.done', { ...at, text: reply, logprobs: [] }),
    ev('response.content_part.done', { ...at, part: part(reply) }),
    ev('response.output_item.done', { output_index: 0, item: message('completed', reply) }),
    ev('response.completed', { response: response('completed', [message('completed', reply)], usage) }),
  ];
  await sendSse(res, events, pacing, requestIdHeader());
}

// A 1x1 transparent PNG: what `b64_json` carries.
export const FAKE_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
/** Output tokens a gpt-image-* model reports per image generated. */
export const IMAGE_OUTPUT_TOKENS = 272;

export function imagesGenerations(res: ServerResponse, body: Json, baseUrl: string): void {
  if (typeof body.prompt !== 'string') return openAiError(res, 400, "Missing required parameter: 'prompt'.");
  const model = String(body.model ?? 'dall-e-2');
  const n = Number.isInteger(body.n) && body.n > 0 ? body.n : 1;
  // gpt-image-* always answer with base64 and report token usage; dall-e-* answer with URLs unless asked.
  const gptImage = model.startsWith('gpt-image');
  const b64 = gptImage || body.response_format === 'b64_json';
  const data = Array.from({ length: n }, (_, i) =>
    b64 ? { b64_json: FAKE_PNG_BASE64 } : { url: `${baseUrl}/files/${fakeId('img_')}-${i}.png`, revised_prompt: body.prompt },
  );
  const inputTokens = countTokens(body.prompt);
  const usage = gptImage
    ? {
        input_tokens: inputTokens,
        input_tokens_details: { text_tokens: inputTokens, image_tokens: 0 },
        output_tokens: IMAGE_OUTPUT_TOKENS * n,
        total_tokens: inputTokens + IMAGE_OUTPUT_TOKENS * n,
      }
    : undefined;
  sendJson(res, 200, { created: now(), data, ...(usage ? { usage } : {}) }, requestIdHeader());
}

/** Length of every fake embedding vector. */
export const EMBEDDING_DIMENSIONS = 8;

function vectorFor(text: string): number[] {
  // Deterministic, different per text, within [-1, 1].
  const v = Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => {
    let h = i + 1;
    for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 10007;
    return (h / 10007) * 2 - 1;
  });
  return v.map((x) => Math.fround(x));
}

export function embeddings(res: ServerResponse, body: Json): void {
  if (body.input === undefined) return openAiError(res, 400, "Missing required parameter: 'input'.");
  const inputs = embeddingInputs(body);
  const tokens = inputs.reduce((sum, t) => sum + countTokens(t), 0);
  // The openai SDK asks for base64 (little-endian float32) by default and decodes it itself.
  const base64 = body.encoding_format === 'base64';
  const data = inputs.map((text, index) => {
    const vector = vectorFor(text);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  sendJson(res, 200, {
    object: 'list',
    data,
    model: String(body.model ?? 'text-embedding-3-small'),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  }, requestIdHeader());
}
