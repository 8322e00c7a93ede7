'use server';

import OpenAI from 'openai';
import { z } from 'zod';
import { validatedActionWithUser } from '@/lib/validated-action';
import { billing } from '@/lib/billing';

const openai = new OpenAI();
const schema = z.object({ prompt: z.string().min(1) });

export const generateCopy = validatedActionWithUser(schema, async (data, _formData, user) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: data.prompt }] });
  void billing.trackUsage({
    customer: { externalId: user.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
      input_tokens: completion.usage?.prompt_tokens,
      output_tokens: completion.usage?.completion_tokens,
      model: completion.model,
    },
    subject: completion.id,
  });
  return { copy: completion.choices[0]?.message.content ?? '' };
});
