// Anthropic Messages API: POST /v1/messages, plain and streamed (message_start … message_stop).
import type { ServerResponse } from 'node:http';
import { anthropicError, sendJson, sendSse, type Pacing, type SseEvent } from './http.js';
import { anthropicPromptText, countTokens, fakeId, replyText, streamDeltas } from './text.js';

type Json = Record<string, any>;

export async function messages(res: ServerResponse, body: Json, pacing: Pacing): Promise<void> {
  if (!Array.isArray(body.messages)) return anthropicError(res, 400, 'messages: Field required');
  if (typeof body.max_tokens !== 'number') return anthropicError(res, 400, 'max_tokens: Field required');
  const model = String(body.model ?? 'claude-sonnet-4-5');
  const inputTokens = countTokens(anthropicPromptText(body));
  const reply = replyText(inputTokens);
  const outputTokens = countTokens(reply);
  const id = fakeId('msg_');
  const headers = { 'request-id': fakeId('req_') };
  const usage = (output: number) => ({
    input_tokens: inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: output,
    service_tier: 'standard',
  });
  const message = (content: unknown[], stopReason: string | null, output: number) => ({
    id,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: usage(output),
  });

  if (!body.stream) {
    return sendJson(res, 200, message([{ type: 'text', text: reply }], 'end_turn', outputTokens), headers);
  }

  const ev = (type: string, data: Json = {}): SseEvent => ({ event: type, data: { type, ...data } });
  const events: SseEvent[] = [
    // Like the real API: input tokens up front, a provisional output count, the final one in message_delta.
    ev('message_start', { message: message([], null, 1) }),
    ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    ev('ping'),
    ...streamDeltas(reply).map((text) => ({ ...ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }), text: true })),
    ev('content_block_stop', { index: 0 }),
    ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: outputTokens } }),
    ev('message_stop'),
  ];
  await sendSse(res, events, pacing, headers);
}
