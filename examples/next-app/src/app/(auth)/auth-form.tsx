'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/validated-action';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState | void>;
  mode: 'signup' | 'login';
};

export function AuthForm({ action, mode }: Props) {
  const [state, formAction, pending] = useActionState(
    async (prev: ActionState, formData: FormData) => (await action(prev, formData)) ?? {},
    {},
  );

  return (
    <form action={formAction} style={{ display: 'grid', gap: 8, maxWidth: 320 }}>
      {mode === 'signup' && <input name="name" placeholder="Name" defaultValue={state.fields?.name} required />}
      <input name="email" type="email" placeholder="Email" defaultValue={state.fields?.email} required />
      <input name="password" type="password" placeholder="Password" required />
      <button type="submit" disabled={pending}>
        {mode === 'signup' ? 'Create account' : 'Sign in'}
      </button>
      {state.error && <p role="alert">{state.error}</p>}
    </form>
  );
}
