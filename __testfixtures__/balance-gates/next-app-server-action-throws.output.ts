'use server';

import { generateText } from 'ai';
import { revalidatePath } from 'next/cache';
import { auth } from '@/auth';
import { openai } from '@/lib/ai';
import { saveNote } from '@/lib/notes';
import { billing } from '@/lib/billing';

export async function polishNote(noteId: string, body: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error('Not signed in');

  const balance = await billing.checkBalance({ customer: { externalId: session?.user?.id }, estimate: 0.01 });
  if (!balance.allowed) throw new Error(balance.message);

  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Polish this note: ${body}` });
  await saveNote(session.user.id, noteId, text);
  revalidatePath('/notes');
}
