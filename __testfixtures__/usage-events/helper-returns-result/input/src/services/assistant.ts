import type OpenAI from 'openai';
import { openai } from '../lib/openai.js';

const SYSTEM = 'You are a concise assistant.';

/** One chat turn with the house system prompt. */
export async function reply(messages: OpenAI.Chat.ChatCompletionMessageParam[]) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: SYSTEM }, ...messages] });
}
