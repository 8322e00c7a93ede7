import type { GetServerSideProps } from 'next';
import { openai } from '@/lib/openai';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';

// getServerSideProps runs on the server: its call is billed like a route's.
export const getServerSideProps: GetServerSideProps = async () => {
  const session = await getSession();
  if (!session) return { redirect: { destination: '/login', permanent: false } };
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Summarise my week' }] });
  void billing.trackUsage({
    customer: { externalId: session.userId },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
      input_tokens: completion.usage?.prompt_tokens,
      output_tokens: completion.usage?.completion_tokens,
      model: completion.model,
    },
    subject: completion.id,
  });
  return { props: { summary: completion.choices[0]?.message.content ?? '', user: session.userId } };
};

export default function Report({ summary }: { summary: string }) {
  return <p>{summary}</p>;
}
