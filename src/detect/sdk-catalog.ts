// The billable calls we know, per SDK: which package and class make a client, and which method paths on
// that client cost money. Adding an SDK means adding a row here.
import type { BillableProvider } from './types.js';

export interface ClientSdk {
  provider: Exclude<BillableProvider, 'ai-sdk' | 'config'>;
  packages: string[];
  /** Exported names that construct a client; `default` and `*` (a whole `require`) included where they do. */
  classes: string[];
  /** Method paths on a client instance that are billable. */
  calls: string[];
  /** Paths distinctive enough to recognise on a client we could not trace (with a name hint). */
  distinctive: string[];
  /** Receiver names that hint at this SDK when the client could not be traced. */
  nameHint: RegExp;
}

const OPENAI_CALLS = [
  'chat.completions.create', 'chat.completions.stream', 'chat.completions.parse',
  'beta.chat.completions.parse', 'beta.chat.completions.stream',
  'responses.create', 'responses.stream', 'responses.parse',
  'completions.create',
  'images.generate', 'images.edit', 'images.createVariation',
  'embeddings.create',
  'audio.transcriptions.create', 'audio.translations.create', 'audio.speech.create',
];

export const CLIENT_SDKS: ClientSdk[] = [
  {
    provider: 'openai',
    packages: ['openai'],
    classes: ['OpenAI', 'AzureOpenAI', 'default', '*'],
    calls: OPENAI_CALLS,
    distinctive: OPENAI_CALLS.filter((c) => c !== 'completions.create'),
    nameHint: /(open)?ai$|llm|gpt|groq|mistral|deepseek|together|fireworks|perplexity|azure|client$/i,
  },
  {
    // openai v3: `new OpenAIApi(new Configuration(...))`
    provider: 'openai',
    packages: ['openai'],
    classes: ['OpenAIApi'],
    calls: ['createChatCompletion', 'createCompletion', 'createImage', 'createImageEdit', 'createImageVariation', 'createEmbedding', 'createTranscription', 'createTranslation'],
    distinctive: ['createChatCompletion', 'createImage'],
    nameHint: /openai/i,
  },
  {
    provider: 'anthropic',
    packages: ['@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk'],
    classes: ['Anthropic', 'AnthropicBedrock', 'AnthropicVertex', 'default', '*'],
    calls: ['messages.create', 'messages.stream', 'beta.messages.create', 'beta.messages.stream', 'completions.create'],
    distinctive: ['messages.create', 'messages.stream'],
    nameHint: /anthropic|claude/i,
  },
  {
    provider: 'groq',
    packages: ['groq-sdk'],
    classes: ['Groq', 'default', '*'],
    calls: ['chat.completions.create', 'audio.transcriptions.create', 'audio.translations.create'],
    distinctive: ['chat.completions.create'],
    nameHint: /groq/i,
  },
  {
    // Google Gen AI SDK: `new GoogleGenAI()`, then `ai.models.generateContent(...)`.
    provider: 'google',
    packages: ['@google/genai'],
    classes: ['GoogleGenAI'],
    calls: ['models.generateContent', 'models.generateContentStream', 'models.embedContent', 'models.generateImages'],
    distinctive: ['models.generateContent', 'models.generateContentStream'],
    nameHint: /genai|gemini|google|ai$/i,
  },
  {
    // LangChain chat models and embeddings; chains built from a model (`prompt.pipe(model)`) count too.
    provider: 'langchain',
    packages: ['@langchain/openai', '@langchain/anthropic', '@langchain/groq', '@langchain/google-genai', '@langchain/mistralai', '@langchain/aws', 'langchain/chat_models/openai', 'langchain/embeddings/openai'],
    classes: ['ChatOpenAI', 'AzureChatOpenAI', 'OpenAI', 'ChatAnthropic', 'ChatGroq', 'ChatGoogleGenerativeAI', 'ChatMistralAI', 'ChatBedrockConverse', 'OpenAIEmbeddings', 'AzureOpenAIEmbeddings', 'GoogleGenerativeAIEmbeddings', 'MistralAIEmbeddings'],
    calls: ['invoke', 'stream', 'batch', 'embedQuery', 'embedDocuments'],
    distinctive: [],
    nameHint: /^$/,
  },
  {
    provider: 'replicate',
    packages: ['replicate'],
    classes: ['Replicate', 'default', '*'],
    calls: ['run', 'predictions.create', 'stream'],
    distinctive: ['predictions.create'],
    nameHint: /replicate/i,
  },
];

/** Vercel AI SDK: plain functions imported from `ai`. */
export const AI_SDK_PACKAGES = ['ai'];
export const AI_SDK_FUNCTIONS = [
  'generateText', 'streamText', 'generateObject', 'streamObject', 'embed', 'embedMany',
  'generateImage', 'experimental_generateImage', 'transcribe', 'experimental_transcribe',
  'generateSpeech', 'experimental_generateSpeech',
];

// Method names every codebase uses (`workflow.run()`, `stream()`): a call by one of them is billable only on
// a client, so the file must also say something AI-like before it is parsed.
const GENERIC_METHODS = new Set(['run', 'stream', 'invoke', 'batch']);
const GENERIC_NAMES = [...GENERIC_METHODS].join('|');
const GENERIC_CALL = new RegExp(`\\.\\s*(?:${GENERIC_NAMES})\\s*\\(`);
// An LLM named as a part of a name (`llm`, `llmClient`, `chatllm`, `my_llm`, `chatLLM`, `LLMChain`,
// `openaiLlm`), not letters inside a word (fulfillment, enrollment, INSTALLMENTS, bullmq: apps that run
// workflows and queues).
const AI_HINT = /replicate|langchain|\bchain\b|runnable|Chat[A-Z]|\bmodel\b|openai|anthropic/i;
const LLM_NAME = /(?:\b|_)llm|llm(?:\b|_)|(?<![A-Z])LLM|LLM(?![A-Z])|Llm/;
const saysAi = (text: string) => AI_HINT.test(text) || LLM_NAME.test(text);

/** A cheap text test for files that may hold an SDK client's billable call; only these are parsed. */
const CLIENT_CALL_PREFILTER = new RegExp(
  [
    // `\s*` around the dots: chains broken over lines (`anthropic.messages\n  .create(...)`) count too.
    ...new Set(CLIENT_SDKS.flatMap((s) => s.calls.filter((c) => !GENERIC_METHODS.has(c)).map((c) => `\\.\\s*${c.split('.').slice(-2).join('\\s*\\.\\s*')}\\s*\\(`))),
  ].join('|'),
);

// What every alternative of CLIENT_CALL_PREFILTER starts with: a dot and a word (`.completions` of
// `.completions.create(`). Most files have none, and looking for them is about three times cheaper; the dot
// matters, since `messages` and `models` are in many files that never call a client.
const CLIENT_WORDS = [...new Set(CLIENT_SDKS.flatMap((s) => s.calls.filter((c) => !GENERIC_METHODS.has(c)).map((c) => c.split('.').slice(-2)[0])))].sort().join('|');
const CLIENT_CALL_WORDS = new RegExp(`\\.\\s*(?:${CLIENT_WORDS})\\b`);

// An AI SDK function is billable only where the file imports it from `ai` itself (readFileClients), so a file
// must name the package as well as the function (`embed` alone is in every file about embedding a video).
const AI_SDK_IMPORT = new RegExp(`['"\`](?:${AI_SDK_PACKAGES.join('|')})['"\`]`);
const AI_SDK_WORDS = new RegExp(`\\b(?:${AI_SDK_FUNCTIONS.join('|')})\\b`);

// A dot and either kind of method, in one scan: most files have neither, and then the two tests behind it
// (each a scan of the whole file) never run.
const DOT_CALL = new RegExp(`\\.\\s*(?:(?:${GENERIC_NAMES})\\s*\\(|(?:${CLIENT_WORDS})\\b)`);

/**
 * Whether a file's text may hold an SDK's billable call (the parse decides). A generic method is billable only
 * on a traced client, so `reachesClient` (asked last, after the text tests) may say the file can reach none.
 */
export function mayHoldSdkCall(text: string, reachesClient: () => boolean = () => true): boolean {
  return (
    (DOT_CALL.test(text) && ((CLIENT_CALL_WORDS.test(text) && CLIENT_CALL_PREFILTER.test(text)) || (GENERIC_CALL.test(text) && saysAi(text) && reachesClient()))) ||
    (AI_SDK_IMPORT.test(text) && AI_SDK_WORDS.test(text))
  );
}

/**
 * A cheap text test for files that construct or decorate an SDK client. An SDK's name counts only where it
 * is imported (`from`, `require(`, `import(`), as the parse reads clients from imports: a provider picker's
 * `'openai'` option is no client. The looser pattern goes first: it scans faster (any quoted SDK name), and
 * the strict one then reads only the few files it let through.
 */
const CLIENT_MADE = String.raw`new\s+(?:OpenAI|AzureOpenAI|OpenAIApi|Anthropic\w*|Replicate|Groq|GoogleGenAI|Chat\w+|\w*Embeddings)\b|\.decorate\(`;
const SDK_NAME = String.raw`['"](?:openai|@anthropic-ai\/[\w-]+|replicate|groq-sdk|@google\/genai|@langchain\/[\w-]+|langchain\/[\w/]+)['"]`;
const CLIENT_LOOSE = new RegExp(`${CLIENT_MADE}|${SDK_NAME}`);
/** Where a module specifier stands in an import: after `from`, `require(` or `import(`. */
export const IMPORTED_FROM = String.raw`(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*`;
const CLIENT_STRICT = new RegExp(`${CLIENT_MADE}|${IMPORTED_FROM}${SDK_NAME}`);

export function mayMakeClient(text: string): boolean {
  return CLIENT_LOOSE.test(text) && CLIENT_STRICT.test(text);
}
