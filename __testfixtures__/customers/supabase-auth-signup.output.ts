'use server';

import { redirect } from 'next/navigation';
import { createClient } from '@/lib/supabase/server';
import { billing } from '@/lib/billing';

export async function signup(formData: FormData) {
  const supabase = await createClient();
  const { data, error } = await supabase.auth.signUp({
    email: String(formData.get('email')),
    password: String(formData.get('password')),
  });
  await billing.ensureCustomer({ externalId: data.user?.id, email: data.user?.email });
  if (error) return { error: error.message };
  redirect('/welcome');
}
