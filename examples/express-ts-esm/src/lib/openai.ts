import OpenAI from 'openai';

// OPENAI_BASE_URL lets us point at a proxy or a local server; the key comes from OPENAI_API_KEY.
export const openai = new OpenAI({
  baseURL: process.env.OPENAI_BASE_URL,
});

export const CHAT_MODEL = process.env.CHAT_MODEL ?? 'gpt-4o-mini';
