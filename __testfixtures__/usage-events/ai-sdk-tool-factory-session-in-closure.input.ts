import { generateText, tool } from 'ai';
import { z } from 'zod';
import type { Session } from '@/app/(auth)/auth';
import { myProvider } from '@/lib/ai/providers';

type RequestSuggestionsProps = { session: Session; dataStream: { write(part: unknown): void } };

// The session is handed to the tool factory; the model runs later, in the tool's execute.
export const requestSuggestions = ({ session, dataStream }: RequestSuggestionsProps) =>
  tool({
    description: 'Request suggestions for a document',
    inputSchema: z.object({ documentId: z.string() }),
    execute: async ({ documentId }: { documentId: string }) => {
      const { text } = await generateText({ model: myProvider.languageModel('artifact-model'), prompt: documentId });
      dataStream.write({ type: 'data-suggestion', data: text });
      return { id: documentId, userId: session.user.id };
    },
  });
