// Billable-call shapes: every SDK call the issue lists, however the client was imported, constructed and
// passed around, plus config-named calls and look-alikes that must not match.
import { describe, expect, it } from 'vitest';
import { detectBillableCalls } from '../../src/detect/billable-calls.js';
import { callsIn, memoryContext } from './helpers.js';

const OPENAI = { dependencies: ['openai'] };

describe('OpenAI SDK v4+', () => {
  it('recognises every billable method on a client made in the same file', () => {
    const calls = callsIn(
      {
        'ai.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
await openai.responses.create({ model: 'gpt-4o', input: 'hi' });
await openai.images.generate({ prompt: 'a cat' });
await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'hi' });
await openai.audio.transcriptions.create({ file, model: 'whisper-1' });
await openai.audio.translations.create({ file, model: 'whisper-1' });
await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' });
await openai.models.list();
await openai.moderations.create({ input: 'hi' });
await openai.files.create({ file, purpose: 'batch' });
`,
      },
      OPENAI,
    );
    expect(calls).toEqual([
      'ai.ts:3 openai chat.completions.create',
      'ai.ts:4 openai responses.create',
      'ai.ts:5 openai images.generate',
      'ai.ts:6 openai audio.speech.create',
      'ai.ts:7 openai audio.transcriptions.create',
      'ai.ts:8 openai audio.translations.create',
      'ai.ts:9 openai embeddings.create',
    ]);
  });

  it('follows aliased imports and renamed classes', () => {
    const calls = callsIn({
      'a.ts': `import { OpenAI as Client } from 'openai';\nconst llm = new Client();\nllm.chat.completions.create({});\n`,
      'b.ts': `import Whatever from 'openai';\nconst x = new Whatever();\nx.embeddings.create({});\n`,
      'c.ts': `import * as sdk from 'openai';\nconst x = new sdk.OpenAI();\nx.images.generate({});\n`,
    });
    expect(calls).toEqual(['a.ts:3 openai chat.completions.create', 'b.ts:3 openai embeddings.create', 'c.ts:3 openai images.generate']);
  });

  it('follows CommonJS requires: destructured, whole module and .default', () => {
    const calls = callsIn({
      'a.js': `const { OpenAI } = require('openai');\nconst client = new OpenAI();\nclient.chat.completions.create({});\n`,
      'b.js': `const OpenAI = require('openai');\nconst client = new OpenAI();\nclient.chat.completions.create({});\n`,
      'c.js': `const OpenAI = require('openai').default;\nconst client = new OpenAI();\nclient.chat.completions.create({});\n`,
    });
    expect(calls).toEqual(['a.js:3 openai chat.completions.create', 'b.js:3 openai chat.completions.create', 'c.js:3 openai chat.completions.create']);
  });

  it('follows class properties set in the constructor and as fields', () => {
    const calls = callsIn({
      'svc.ts': `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
export class Writer {
  private claude = new Anthropic();
  private client: OpenAI;
  constructor() {
    this.client = new OpenAI();
  }
  draft() {
    return this.client.chat.completions.create({});
  }
  review() {
    return this.claude.messages.create({});
  }
}
`,
    });
    expect(calls).toEqual(['svc.ts:10 openai chat.completions.create in draft', 'svc.ts:13 anthropic messages.create in review']);
  });

  it('follows factories, memoised ones included, in the file and across files', () => {
    const calls = callsIn({
      'lib/client.ts': `import OpenAI from 'openai';
let cached: OpenAI | null = null;
export function getClient() {
  cached ??= new OpenAI();
  return cached;
}
export const makeClient = () => new OpenAI();
`,
      'use.ts': `import { getClient, makeClient } from './lib/client';
export async function a() {
  return getClient().chat.completions.create({});
}
export async function b() {
  const client = makeClient();
  return client.images.generate({});
}
`,
    });
    expect(calls).toEqual(['use.ts:3 openai chat.completions.create in a', 'use.ts:7 openai images.generate in b']);
  });

  it('follows a client re-exported through an index file (named, renamed, star and default)', () => {
    const calls = callsIn({
      'lib/ai/openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\nexport default openai;\n`,
      'lib/ai/index.ts': `export { openai } from './openai';\nexport { default as gpt } from './openai';\n`,
      'lib/star/index.ts': `export * from '../ai/openai';\n`,
      'a.ts': `import { openai, gpt } from './lib/ai';\nopenai.chat.completions.create({});\ngpt.embeddings.create({});\n`,
      'b.ts': `import { openai } from './lib/star/index';\nopenai.images.generate({});\n`,
    });
    expect(calls).toEqual(['a.ts:2 openai chat.completions.create', 'a.ts:3 openai embeddings.create', 'b.ts:2 openai images.generate']);
  });

  it('follows a client through an alias and a namespace import', () => {
    const files = {
      'src/lib/openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      'src/routes/a.ts': `import * as ai from '@/lib/openai';\nai.openai.responses.create({});\n`,
    };
    expect(callsIn(files, { aliases: { '@/*': ['./src/*'] } })).toEqual(['src/routes/a.ts:2 openai responses.create']);
  });
});

describe('call layout', () => {
  it('recognises chains broken over lines and optional calls', () => {
    const calls = callsIn({
      'a.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
const message = await anthropic.messages
  .create({ model: 'claude', max_tokens: 10, messages: [] });
await anthropic?.messages?.stream?.({});
`,
    });
    expect(calls).toEqual(['a.ts:3 anthropic messages.create', 'a.ts:5 anthropic messages.stream']);
  });
});

describe('OpenAI SDK v3', () => {
  it('recognises createChatCompletion and createImage on an OpenAIApi client', () => {
    const calls = callsIn({
      'lib/openai.js': `const { Configuration, OpenAIApi } = require('openai');\nmodule.exports = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));\n`,
      'use.js': `const openai = require('./lib/openai');\nopenai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [] });\nopenai.createImage({ prompt: 'x' });\nopenai.listModels();\n`,
      'esm.mjs': `import { Configuration, OpenAIApi } from 'openai';\nconst api = new OpenAIApi(new Configuration({}));\nawait api.createCompletion({});\n`,
    });
    expect(calls).toEqual(['esm.mjs:3 openai createCompletion', 'use.js:2 openai createChatCompletion', 'use.js:3 openai createImage']);
  });
});

describe('Anthropic', () => {
  it('recognises messages.create and messages.stream on a client constructed in another file', () => {
    const calls = callsIn({
      'src/lib/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\nexport { client as anthropic };\n`,
      'src/chat.ts': `import { anthropic } from './lib/anthropic.js';\nexport async function chat() {\n  const stream = anthropic.messages.stream({});\n  return anthropic.messages.create({});\n}\n`,
    });
    expect(calls).toEqual(['src/chat.ts:3 anthropic messages.stream in chat', 'src/chat.ts:4 anthropic messages.create in chat']);
  });
});

describe('Vercel AI SDK', () => {
  it('recognises each function, aliased and through a namespace', () => {
    const calls = callsIn({
      'a.ts': `import { generateText, streamText as st, generateObject, streamObject, embed, embedMany } from 'ai';
import { experimental_generateImage as generateImage } from 'ai';
import * as ai from 'ai';
await generateText({});
st({});
await generateObject({});
streamObject({});
await embed({});
await embedMany({});
await generateImage({});
await ai.generateText({});
ai.streamText({});
ai.tool({});
`,
    });
    expect(calls).toEqual([
      'a.ts:4 ai-sdk generateText',
      'a.ts:5 ai-sdk streamText',
      'a.ts:6 ai-sdk generateObject',
      'a.ts:7 ai-sdk streamObject',
      'a.ts:8 ai-sdk embed',
      'a.ts:9 ai-sdk embedMany',
      'a.ts:10 ai-sdk experimental_generateImage',
      'a.ts:11 ai-sdk generateText',
      'a.ts:12 ai-sdk streamText',
    ]);
  });

  it('ignores same-named functions that do not come from ai', () => {
    const calls = callsIn({
      'a.ts': `import { generateText } from './my-llm';\nfunction streamText() {}\nawait generateText({});\nstreamText();\n`,
      'b.js': `const { generateText } = require('ai');\ngenerateText({});\n`,
    });
    expect(calls).toEqual(['b.js:2 ai-sdk generateText']);
  });
});

describe('Replicate', () => {
  it('recognises run and predictions.create', () => {
    const calls = callsIn({
      'r.ts': `import Replicate from 'replicate';\nconst replicate = new Replicate();\nawait replicate.run('owner/model', { input: {} });\nawait replicate.predictions.create({ version: 'v', input: {} });\nawait replicate.models.get('owner', 'model');\n`,
    });
    expect(calls).toEqual(['r.ts:3 replicate run', 'r.ts:4 replicate predictions.create']);
  });
});

describe('Fastify decorations', () => {
  it('follows request.server.x, this.x and fastify.x to a decorated client, whichever file is read first', () => {
    const calls = callsIn(
      {
        // app.ts sorts before lib/: the decoration names a client the index has not seen yet on the first pass.
        'app.ts': `import Fastify from 'fastify';\nimport { client } from './lib/openai.js';\nconst app = Fastify();\napp.decorate('llm', client);\n`,
        'lib/openai.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI();\n`,
        'plugins/replicate.ts': `import fp from 'fastify-plugin';\nimport Replicate from 'replicate';\nexport default fp(async (fastify) => {\n  fastify.decorate('replicate', new Replicate());\n});\n`,
        'routes/x.ts': `export default async function routes(fastify) {
  fastify.post('/a', async (request) => request.server.llm.chat.completions.create({}));
  fastify.post('/b', async function () { return this.llm.images.generate({}); });
  fastify.post('/c', async () => fastify.replicate.run('m', { input: {} }));
  fastify.post('/d', async (request) => {
    const { llm } = request.server;
    return llm.embeddings.create({});
  });
}
`,
      },
      { framework: 'fastify' },
    );
    expect(calls).toEqual([
      'routes/x.ts:2 openai chat.completions.create',
      'routes/x.ts:3 openai images.generate',
      'routes/x.ts:4 replicate run',
      'routes/x.ts:7 openai embeddings.create',
    ]);
  });
});

describe('calls named in the config', () => {
  const config = { events: [{ type: 'video', calls: ['generateVideo', 'fastify.apiLayer.post'], estimate: 1 }] };

  it('matches a bare function, a method of that name, and a decorated client under any root', () => {
    const calls = callsIn(
      {
        'a.ts': `import { generateVideo } from './video';
await generateVideo({ prompt: 'x' });
await videoService.generateVideo({});
export default async function routes(fastify) {
  fastify.post('/v', async function (request) {
    await fastify.apiLayer.post('/render', {});
    await request.server.apiLayer.post('/render', {});
    await this.apiLayer.post('/render', {});
    await fastify.apiLayer.get('/status');
    await otherClient.post('/render');
  });
}
`,
      },
      { config, framework: 'fastify' },
    );
    expect(calls).toEqual([
      'a.ts:2 config generateVideo',
      'a.ts:3 config generateVideo',
      'a.ts:6 config fastify.apiLayer.post',
      'a.ts:7 config fastify.apiLayer.post',
      'a.ts:8 config fastify.apiLayer.post',
    ]);
  });

  it('ignores provider-prefixed entries as callees', () => {
    const calls = callsIn({ 'a.ts': `openai();\n` }, { config: { events: [{ type: 'x', calls: ['openai:*'], estimate: 1 }] } });
    expect(calls).toEqual([]);
  });
});

describe('look-alikes that are not billable', () => {
  it('does not take ORM models, Twilio or Stripe for AI clients', () => {
    const calls = callsIn(
      {
        'a.ts': `import { PrismaClient } from '@prisma/client';
import twilio from 'twilio';
import Stripe from 'stripe';
const db = new PrismaClient();
const client = twilio(sid, token);
const stripe = new Stripe('');
await db.messages.create({ data: {} });
await client.messages.create({ body: 'hi', to: '+1', from: '+2' });
await stripe.customers.create({ email });
await prisma.embedding.create({ data: {} });
await job.run();
await this.messages.create({});
`,
      },
      { dependencies: ['@anthropic-ai/sdk', 'openai', 'replicate', '@prisma/client', 'twilio', 'stripe'] },
    );
    expect(calls).toEqual([]);
  });

  it('recognises an untraced client only by a telling name, and only when the SDK is a dependency', () => {
    const files = {
      'a.ts': `export async function summarize(openai, anthropic, helper) {
  await openai.chat.completions.create({});
  await anthropic.messages.create({});
  await helper.chat.completions.create({});
}
`,
    };
    expect(callsIn(files, { dependencies: ['openai', '@anthropic-ai/sdk'] })).toEqual([
      'a.ts:2 openai chat.completions.create in summarize',
      'a.ts:3 anthropic messages.create in summarize',
    ]);
    expect(callsIn(files)).toEqual([]);
  });

  it('does not report a client traced to one SDK under another SDK', () => {
    const calls = callsIn({
      'a.ts': `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\nclient.completions.create({});\nclient.images.generate({});\n`,
    });
    expect(calls).toEqual(['a.ts:3 anthropic completions.create']);
  });
});

describe('generic methods (run, invoke) in files that can reach no client', () => {
  // A file that does not parse shows whether it was read: a parse records it in `unparsed`.
  const unparsedAfterCalls = (files: Record<string, string>) => {
    const ctx = memoryContext(files);
    const calls = detectBillableCalls(ctx).map((c) => `${c.file}:${c.line} ${c.provider} ${c.call}`);
    return { calls, unparsed: [...ctx.unparsed.keys()] };
  };
  const BROKEN = 'const = ;\n';

  it('does not read a file about LLMs whose run() or invoke() cannot be on a client', () => {
    const files = {
      'migrations/patch-llm-schema.ts': `import { Migration } from './migration';\nawait new Migration().run(args); // the LLM tool table\n${BROKEN}`,
      'agent/runtime.ts': `import { adapter } from './adapter';\nexport const step = (input) => adapter.run(input); // LLM agent\n${BROKEN}`,
    };
    expect(unparsedAfterCalls(files)).toEqual({ calls: [], unparsed: [] });
  });

  it('reads one that imports a module holding a client or factory, makes one, or runs where clients are decorated', () => {
    const llm = `import { ChatOpenAI } from '@langchain/openai';\nexport const llm = new ChatOpenAI();\nexport const makeLlm = () => new ChatOpenAI();\n`;
    expect(unparsedAfterCalls({ 'lib/llm.ts': llm, 'a.ts': `import { llm } from './lib/llm';\nawait llm.invoke('q');\n` }).calls).toEqual(['a.ts:2 langchain invoke']);
    expect(unparsedAfterCalls({ 'lib/llm.ts': llm, 'a.ts': `const { makeLlm } = require('./lib/llm');\nawait makeLlm().invoke('q');\n${BROKEN}` }).unparsed).toEqual(['a.ts']);
    expect(unparsedAfterCalls({ 'lib/index.ts': `export { llm } from './llm';\n`, 'lib/llm.ts': llm, 'a.ts': `import * as ai from './lib';\nawait ai.llm.invoke('q');\n` }).calls).toEqual(['a.ts:2 langchain invoke']);
    expect(unparsedAfterCalls({ 'a.ts': `import { ChatAnthropic } from '@langchain/anthropic';\nconst model = new ChatAnthropic();\nawait model.invoke('q');\n` }).calls).toEqual(['a.ts:3 langchain invoke']);
    const decorated = { 'plugins/llm.ts': `import { ChatOpenAI } from '@langchain/openai';\nexport default async (fastify) => fastify.decorate('llm', new ChatOpenAI());\n` };
    expect(unparsedAfterCalls({ ...decorated, 'routes/ask.ts': `export default async (fastify) => fastify.post('/ask', async (req) => req.server.llm.invoke(req.body.q));\n` }).calls).toEqual(['routes/ask.ts:1 langchain invoke']);
  });
});

describe('plain HTTP to an AI provider', () => {
  it('counts a POST with fetch or axios to a known AI host, by the endpoint it creates work at', () => {
    const calls = callsIn({
      'pages/api/generate.ts': `const startResponse = await fetch('https://api.replicate.com/v1/predictions', { method: 'POST', headers: {}, body: '{}' });
const base = 'https://api.openai.com/v1';
await fetch(\`\${base}/chat/completions\`, { method: 'post', body: '{}' });
await axios.post('https://api.anthropic.com/v1/messages', {});
await fetch(new URL('/v1/embeddings', 'https://api.openai.com'), { method: 'POST' });
`,
    });
    expect(calls).toEqual([
      'pages/api/generate.ts:1 replicate predictions.create',
      'pages/api/generate.ts:3 openai chat.completions.create',
      'pages/api/generate.ts:4 anthropic messages.create',
      'pages/api/generate.ts:5 openai embeddings.create',
    ]);
  });

  it('does not count a GET that polls a run, a request to another host, or the billing module talking to its API', () => {
    const calls = callsIn({
      'poll.ts': `let done = false;\nwhile (!done) { const r = await fetch(endpointUrl); await fetch('https://api.replicate.com/v1/predictions/abc'); done = true; }\nawait fetch('https://example.com/api', { method: 'POST' });\n`,
      'lib/billing.ts': `// Generated by billing-codemod (client-setup) for Credyt.\nawait fetch('https://api.openai.com/v1/chat/completions', { method: 'POST' });\n`,
    });
    expect(calls).toEqual([]);
  });

  it('counts POSTs to a URL or host the config names', () => {
    const config = { events: [{ type: 'video', calls: ['https://api.example-video.ai/v2/render'], estimate: 1 }] };
    const calls = callsIn({ 'a.ts': `await fetch('https://api.example-video.ai/v2/render', { method: 'POST' });\nawait fetch('https://api.example-video.ai/v2/status');\n` }, { config });
    expect(calls).toEqual(['a.ts:1 config https://api.example-video.ai/v2/render']);
  });
});

describe('other SDKs', () => {
  it('recognises Groq, Google Gen AI and OpenAI-compatible clients (a baseURL is still the openai SDK)', () => {
    const calls = callsIn({
      'groq.ts': `import Groq from 'groq-sdk';\nconst groq = new Groq();\nawait groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [] });\n`,
      'gemini.ts': `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nawait ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' });\n`,
      'compat.ts': `import OpenAI from 'openai';\nconst deepseek = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nawait deepseek.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n`,
    });
    expect(calls).toEqual(['compat.ts:3 openai chat.completions.create', 'gemini.ts:3 google models.generateContent', 'groq.ts:3 groq chat.completions.create']);
  });

  it('recognises LangChain models and the chains and runnables built from them, decorated on Fastify too', () => {
    const calls = callsIn({
      'plugins/llm.ts': `import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';\nexport default async function (fastify) {\n  fastify.decorate('llm', new ChatOpenAI({ model: 'gpt-4o-mini' }));\n  fastify.decorate('embeddings', new OpenAIEmbeddings());\n}\n`,
      'services/rag.ts': `import { RunnableSequence } from '@langchain/core/runnables';
export async function answer(fastify, prompt, q) {
  const vector = await fastify.embeddings.embedQuery(q);
  const chain = RunnableSequence.from([prompt, fastify.llm]);
  const direct = await fastify.llm.invoke(q);
  const piped = prompt.pipe(fastify.llm);
  await piped.invoke({ q });
  return chain.invoke({ q, vector, direct });
}
`,
    });
    expect(calls).toEqual([
      'services/rag.ts:3 langchain embedQuery in answer',
      'services/rag.ts:5 langchain invoke in answer',
      'services/rag.ts:7 langchain invoke in answer',
      'services/rag.ts:8 langchain invoke in answer',
    ]);
  });
});
