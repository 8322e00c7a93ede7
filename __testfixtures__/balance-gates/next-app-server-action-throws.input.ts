'use server';

import { generateText } from 'ai';
import { revalidatePath } from 'next/cache';
import { auth } from '@/auth';
import { openai } from '@/lib/ai';
import { saveNote } from '@/lib/notes';

export async function polishNote(noteId: string, body: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error('Not signed in');

  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Polish this note: ${body}` });
  await saveNote(session.user.id, noteId, text);
  revalidatePath('/notes');
}
