// Deterministic "model" behaviour shared by every fake endpoint: token counts and reply text are pure
// functions of the request, so a test can predict what an app received and what usage it should bill.

/** One token per whitespace-separated word: crude, but stable and easy to predict in a test. */
export function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The reply every text endpoint gives for a prompt of `promptTokens` tokens. */
export function replyText(promptTokens: number): string {
  return `This is the fake AI reply to a ${promptTokens} token prompt.`;
}

/** Splits a reply into stream deltas, one word each (the space travels with the word before it). */
export function streamDeltas(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

type Json = Record<string, unknown>;

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part && typeof part === 'object') {
    const p = part as Json;
    if (typeof p.text === 'string') return p.text;
  }
  return '';
}

/** Text of a message `content`: a string, or an array of parts with `text` (OpenAI and Anthropic alike). */
export function contentText(content: unknown): string {
  if (Array.isArray(content)) return content.map(partText).join(' ');
  return partText(content);
}

/** All prompt text of a Chat Completions body: every message's content. */
export function chatPromptText(body: Json): string {
  const messages = Array.isArray(body.messages) ? (body.messages as Json[]) : [];
  return messages.map((m) => contentText(m.content)).join(' ');
}

/** All prompt text of a Responses body: `instructions` plus `input` (a string or a list of items). */
export function responsesPromptText(body: Json): string {
  const parts: string[] = [];
  if (typeof body.instructions === 'string') parts.push(body.instructions);
  if (typeof body.input === 'string') parts.push(body.input);
  else if (Array.isArray(body.input)) {
    for (const item of body.input as Json[]) parts.push(contentText(item.content ?? item));
  }
  return parts.join(' ');
}

/** All prompt text of an Anthropic Messages body: `system` plus every message's content. */
export function anthropicPromptText(body: Json): string {
  const messages = Array.isArray(body.messages) ? (body.messages as Json[]) : [];
  return [contentText(body.system), ...messages.map((m) => contentText(m.content))].join(' ');
}

/** All prompt text of a text request the fake recorded, by its kind: Chat Completions, Responses or Anthropic Messages. */
export function promptText(kind: string, body: Json): string {
  if (kind === 'openai:chat.completions') return chatPromptText(body);
  if (kind === 'openai:responses') return responsesPromptText(body);
  if (kind === 'anthropic:messages') return anthropicPromptText(body);
  throw new Error(`${kind} is not a text request with a prompt`);
}

/** The inputs of an embeddings body as strings (token arrays count one token per number). */
export function embeddingInputs(body: Json): string[] {
  const input = body.input;
  if (typeof input === 'string') return [input];
  if (Array.isArray(input)) {
    if (input.every((x) => typeof x === 'number')) return [input.map(() => 'x').join(' ')];
    return input.map((x) => (typeof x === 'string' ? x : Array.isArray(x) ? x.map(() => 'x').join(' ') : ''));
  }
  return [''];
}

let counter = 0;
/** Ids shaped like the real ones (`chatcmpl-…`, `msg_…`); unique per process, not random. */
export function fakeId(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(6, '0')}fake`;
}
