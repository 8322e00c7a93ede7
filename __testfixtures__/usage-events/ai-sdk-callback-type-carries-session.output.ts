import { generateText } from 'ai';
import { createDocumentHandler } from '@/lib/artifacts/server';
import { myProvider } from '@/lib/ai/providers';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

// createDocumentHandler hands onCreateDocument a session; this handler's destructuring leaves it out.
export const textDocumentHandler = createDocumentHandler({
  kind: 'text',
  onCreateDocument: async ({ title, dataStream, session }) => {
    const { text, totalUsage, response } = await generateText({ model: myProvider.languageModel('artifact-model'), prompt: title });
    after(() => billing.trackUsage({
      customer: { externalId: session.user.id },
      eventType: 'chat_completion',
      data: {
        total_tokens: totalUsage.totalTokens,
        input_tokens: totalUsage.inputTokens,
        output_tokens: totalUsage.outputTokens,
        model: response.modelId,
      },
      subject: response.id,
    }));
    dataStream.write({ type: 'data-textDelta', data: text });
    return text;
  },
});
