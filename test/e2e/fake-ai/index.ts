export { startFakeAi, type FakeAi, type FakeAiOptions, type FakeAiRequest } from './server.js';
export { countTokens, replyText } from './text.js';
export { EMBEDDING_DIMENSIONS, FAKE_PNG_BASE64, IMAGE_OUTPUT_TOKENS } from './openai.js';
