import { Router } from 'express';
import { billing as credyt } from '../lib/billing.js';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.get('/balance', requireAuth, async (req, res) => {
  res.json(await credyt.getBalance({ customer: { externalId: req.user!.id } }));
});

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  void credyt.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
      input_tokens: completion.usage?.prompt_tokens,
      output_tokens: completion.usage?.completion_tokens,
      model: completion.model,
    },
    subject: completion.id,
  });
  res.json({ reply: completion.choices[0]?.message.content });
});
