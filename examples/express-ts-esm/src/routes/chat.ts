import { Router } from 'express';
import type OpenAI from 'openai';
import { CHAT_MODEL, openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.use(requireAuth);

const SYSTEM_PROMPT = 'You are a concise assistant that helps people organise their notes.';

function toMessages(body: unknown): OpenAI.Chat.ChatCompletionMessageParam[] | null {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (typeof message !== 'string' || !message.trim()) return null;
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: message },
  ];
}

chatRouter.post('/', async (req, res) => {
  const messages = toMessages(req.body);
  if (!messages) {
    return res.status(400).json({ error: 'message is required' });
  }

  const completion = await openai.chat.completions.create({
    model: CHAT_MODEL,
    messages,
  });

  res.json({ reply: completion.choices[0]?.message.content ?? '' });
});

chatRouter.post('/stream', async (req, res) => {
  const messages = toMessages(req.body);
  if (!messages) {
    return res.status(400).json({ error: 'message is required' });
  }

  const stream = await openai.chat.completions.create({
    model: CHAT_MODEL,
    messages,
    stream: true,
  });

  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta?.content;
    if (text) res.write(text);
  }
  res.end();
});
