import type { Request, Response } from 'express';
import { openai } from '../lib/openai.js';

export async function ask(req: Request, res: Response) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json({ answer: completion.choices[0]?.message.content });
}
