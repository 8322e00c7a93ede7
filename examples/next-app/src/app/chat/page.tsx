import { redirect } from 'next/navigation';
import { getSession } from '@/lib/session';
import { StoryForm } from './story-form';

export default async function ChatPage() {
  if (!(await getSession())) redirect('/login');
  return (
    <main>
      <h1>New story</h1>
      <StoryForm />
    </main>
  );
}
