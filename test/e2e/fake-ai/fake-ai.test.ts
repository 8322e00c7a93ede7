import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMBEDDING_DIMENSIONS, FAKE_PNG_BASE64, IMAGE_OUTPUT_TOKENS, startFakeAi, type FakeAi } from './index.js';
import { countTokens, replyText, streamDeltas } from './text.js';

let fake: FakeAi;
beforeAll(async () => {
  fake = await startFakeAi({ streamDelayMs: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const post = (path: string, body: unknown) =>
  fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const json = (res: Response): Promise<any> => res.json();

/** `data:` payloads of an SSE body, with the `event:` name that preceded each. */
function sse(text: string): Array<{ event?: string; data: any }> {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)![1]!;
      return { event, data: data === '[DONE]' ? data : JSON.parse(data) };
    });
}

const REPLY_4 = replyText(4);

describe('fake AI: deterministic text', () => {
  it('counts one token per word and replies with the prompt size', () => {
    expect(countTokens('  one two\nthree ')).toBe(3);
    expect(REPLY_4).toBe('This is the fake AI reply to a 4 token prompt.');
  });
});

describe('fake AI: OpenAI chat completions', () => {
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: [{ type: 'text', text: 'hi there' }] }] };

  it('answers with choices and usage derived from the input', async () => {
    const res = await post('/v1/chat/completions', body);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: REPLY_4 }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 4, completion_tokens: countTokens(REPLY_4), total_tokens: 4 + countTokens(REPLY_4) },
    });
    expect(fake.requests).toMatchObject([{ method: 'POST', path: '/v1/chat/completions', kind: 'openai:chat.completions', stream: false, status: 200 }]);
  });

  it('streams word deltas, a usage chunk only when include_usage is set, then [DONE]', async () => {
    const plain = sse(await (await post('/v1/chat/completions', { ...body, stream: true })).text());
    expect(plain.at(-1)!.data).toBe('[DONE]');
    expect(plain.some((e) => e.data.usage)).toBe(false);
    const text = plain.slice(0, -1).map((e) => e.data.choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe(REPLY_4);

    const withUsage = sse(await (await post('/v1/chat/completions', { ...body, stream: true, stream_options: { include_usage: true } })).text());
    const last = withUsage.at(-2)!.data;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual({ prompt_tokens: 4, completion_tokens: countTokens(REPLY_4), total_tokens: 4 + countTokens(REPLY_4) });
    expect(withUsage.slice(0, -2).every((e) => e.data.usage === null)).toBe(true);
  });
});

describe('fake AI: holding a stream end', () => {
  it('keeps the last piece of reply text until released, so what a reader gets first is never the whole answer', async () => {
    let release = () => {};
    fake.holdStreamEnd(new Promise<void>((resolve) => (release = resolve)), 10_000);
    const res = await post('/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a b' }], stream: true });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const words = streamDeltas(replyText(2));
    let beforeRelease = '';
    // Everything up to the hold arrives; then nothing more for a while.
    let pending = reader.read();
    for (;;) {
      const next = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
      if (next === null) break;
      beforeRelease += decoder.decode(next.value);
      pending = reader.read();
    }
    expect(beforeRelease).toContain(JSON.stringify(words[words.length - 2]));
    expect(beforeRelease).not.toContain(JSON.stringify(words[words.length - 1]));
    release();
    let rest = '';
    for (let r = await pending; !r.done; r = await reader.read()) rest += decoder.decode(r.value);
    expect(rest).toContain(JSON.stringify(words[words.length - 1]));
    expect(rest).toContain('[DONE]');
  });

  it('lets go by itself after the timeout', async () => {
    fake.holdStreamEnd(new Promise(() => {}), 50);
    const text = await (await post('/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a b' }], stream: true })).text();
    expect(text).toContain('[DONE]');
  });
});

describe('fake AI: OpenAI responses, images, embeddings', () => {
  it('answers the Responses API with output_text content and input/output token usage', async () => {
    const answer = await json(await post('/v1/responses', { model: 'gpt-4o-mini', instructions: 'be brief', input: 'hi there' }));
    expect(answer.output[0].content[0]).toMatchObject({ type: 'output_text', text: REPLY_4 });
    expect(answer.usage).toMatchObject({ input_tokens: 4, output_tokens: countTokens(REPLY_4), total_tokens: 4 + countTokens(REPLY_4) });
  });

  it('streams the Responses API as named events ending in response.completed with usage', async () => {
    const events = sse(await (await post('/v1/responses', { input: [{ role: 'user', content: 'a b c d' }], stream: true })).text());
    expect(events[0]!.event).toBe('response.created');
    const deltas = events.filter((e) => e.event === 'response.output_text.delta').map((e) => e.data.delta);
    expect(deltas.join('')).toBe(REPLY_4);
    expect(events.at(-1)).toMatchObject({ event: 'response.completed', data: { response: { status: 'completed', usage: { input_tokens: 4 } } } });
    expect(events.map((e) => e.data.sequence_number)).toEqual(events.map((_, i) => i));
  });

  it('generates images: base64 and token usage for gpt-image-*, URLs for dall-e', async () => {
    const gpt = await json(await post('/v1/images/generations', { model: 'gpt-image-1', prompt: 'a red bicycle', n: 2 }));
    expect(gpt.data).toEqual([{ b64_json: FAKE_PNG_BASE64 }, { b64_json: FAKE_PNG_BASE64 }]);
    expect(gpt.usage).toMatchObject({ input_tokens: 3, output_tokens: 2 * IMAGE_OUTPUT_TOKENS });
    const dalle = await json(await post('/v1/images/generations', { model: 'dall-e-3', prompt: 'a red bicycle' }));
    expect(dalle.data[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(dalle.usage).toBeUndefined();
  });

  it('embeds as float arrays, or as base64 float32 when asked (the openai SDK default)', async () => {
    const floats = await json(await post('/v1/embeddings', { model: 'text-embedding-3-small', input: ['one two', 'three'] }));
    expect(floats.data).toHaveLength(2);
    expect(floats.data[0].embedding).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(floats.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    const b64 = await json(await post('/v1/embeddings', { input: 'one two', encoding_format: 'base64' }));
    const bytes = Buffer.from(b64.data[0].embedding, 'base64');
    const decoded = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    expect(decoded).toEqual(floats.data[0].embedding);
  });
});

describe('fake AI: Anthropic messages', () => {
  const body = { model: 'claude-3-5-haiku-latest', max_tokens: 100, system: 'be brief', messages: [{ role: 'user', content: 'hi there' }] };

  it('answers with a text block and input/output token usage', async () => {
    expect(await json(await post('/v1/messages', body))).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: REPLY_4 }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 4, output_tokens: countTokens(REPLY_4) },
    });
    expect(fake.requests[0]!.kind).toBe('anthropic:messages');
  });

  it('streams message_start (input tokens) ... message_delta (output tokens) ... message_stop', async () => {
    const events = sse(await (await post('/v1/messages', { ...body, stream: true })).text());
    expect(events[0]).toMatchObject({ event: 'message_start', data: { message: { usage: { input_tokens: 4 } } } });
    const text = events.filter((e) => e.event === 'content_block_delta').map((e) => e.data.delta.text).join('');
    expect(text).toBe(REPLY_4);
    expect(events.find((e) => e.event === 'message_delta')!.data.usage).toEqual({ output_tokens: countTokens(REPLY_4) });
    expect(events.at(-1)!.event).toBe('message_stop');
  });

  it('rejects a body without max_tokens like the real API', async () => {
    const res = await post('/v1/messages', { messages: [] });
    expect(res.status).toBe(400);
    expect((await json(res)).type).toBe('error');
  });
});

describe('fake AI: recording and failures', () => {
  it('records unknown endpoints as 404s', async () => {
    const res = await post('/v1/completions', { prompt: 'x' });
    expect(res.status).toBe(404);
    expect(fake.requests).toMatchObject([{ kind: 'unknown', status: 404 }]);
  });

  it('fails the next N calls on request, then recovers', async () => {
    fake.failNext(429, 2);
    const body = { messages: [{ role: 'user', content: 'x' }] };
    expect((await post('/v1/chat/completions', body)).status).toBe(429);
    expect((await post('/v1/chat/completions', body)).status).toBe(429);
    expect((await post('/v1/chat/completions', body)).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });
});
