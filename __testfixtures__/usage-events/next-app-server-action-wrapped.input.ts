'use server';

import OpenAI from 'openai';
import { z } from 'zod';
import { validatedActionWithUser } from '@/lib/validated-action';

const openai = new OpenAI();
const schema = z.object({ prompt: z.string().min(1) });

export const generateCopy = validatedActionWithUser(schema, async (data, _formData, user) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: data.prompt }] });
  return { copy: completion.choices[0]?.message.content ?? '' };
});
