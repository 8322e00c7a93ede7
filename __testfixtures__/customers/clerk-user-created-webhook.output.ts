import { headers } from 'next/headers';
import { Webhook } from 'svix';
import type { WebhookEvent } from '@clerk/nextjs/server';
import { db } from '@/lib/db';
import { billing } from '@/lib/billing';

export async function POST(req: Request) {
  const payload = await req.text();
  const h = await headers();
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);
  const evt = wh.verify(payload, {
    'svix-id': h.get('svix-id')!,
    'svix-timestamp': h.get('svix-timestamp')!,
    'svix-signature': h.get('svix-signature')!,
  }) as WebhookEvent;

  if (evt.type === 'user.created') {
    const { id, email_addresses, first_name } = evt.data;
    await db.user.create({
      data: { clerkId: id, email: email_addresses[0]?.email_address, name: first_name },
    });
    await billing.ensureCustomer({ externalId: id });
  }

  return new Response('ok');
}
