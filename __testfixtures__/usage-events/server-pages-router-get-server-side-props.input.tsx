import type { GetServerSideProps } from 'next';
import { openai } from '@/lib/openai';
import { getSession } from '@/lib/session';

// getServerSideProps runs on the server: its call is billed like a route's.
export const getServerSideProps: GetServerSideProps = async () => {
  const session = await getSession();
  if (!session) return { redirect: { destination: '/login', permanent: false } };
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Summarise my week' }] });
  return { props: { summary: completion.choices[0]?.message.content ?? '', user: session.userId } };
};

export default function Report({ summary }: { summary: string }) {
  return <p>{summary}</p>;
}
