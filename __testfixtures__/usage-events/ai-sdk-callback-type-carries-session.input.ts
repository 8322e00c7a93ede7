import { generateText } from 'ai';
import { createDocumentHandler } from '@/lib/artifacts/server';
import { myProvider } from '@/lib/ai/providers';

// createDocumentHandler hands onCreateDocument a session; this handler's destructuring leaves it out.
export const textDocumentHandler = createDocumentHandler({
  kind: 'text',
  onCreateDocument: async ({ title, dataStream }) => {
    const { text } = await generateText({ model: myProvider.languageModel('artifact-model'), prompt: title });
    dataStream.write({ type: 'data-textDelta', data: text });
    return text;
  },
});
