// Wallet accounts (`<name>:<ASSET>`, usually `default:USD`) and the credits and debits that move them.
// Overdraft is allowed, as in Credyt by default: a debit may take `available` below zero.
import { newId } from './ids.js';
import { addAmounts } from './money.js';
import type { Account, Adjustment, State } from './types.js';

export function accountId(name: string, asset: string): string {
  return `${name}:${asset}`;
}

export function accountsOf(state: State, customerId: string): Account[] {
  return state.wallets[customerId] ?? [];
}

export function ensureAccount(state: State, customerId: string, asset: string, name = 'default'): Account {
  const accounts = (state.wallets[customerId] ??= []);
  const id = accountId(name, asset);
  let account = accounts.find((entry) => entry.id === id);
  if (!account) {
    account = { id, name, asset, available: 0, pending_in: 0, pending_out: 0 };
    accounts.push(account);
  }
  return account;
}

export function move(account: Account, amount: number): void {
  account.available = addAmounts(account.available, amount);
}

export interface AdjustmentInput {
  transaction_id: string;
  asset: string;
  amount: number;
  account_name?: string;
  description?: string;
  reason?: string;
  expires_at?: string;
  metadata?: Record<string, unknown>;
}

/** Records an adjustment and applies it to its account (created when missing). Not idempotent by itself. */
export function adjust(state: State, customerId: string, input: AdjustmentInput, now: string): Adjustment {
  const account = ensureAccount(state, customerId, input.asset, input.account_name ?? 'default');
  const adjustment: Adjustment = {
    id: newId('adj'),
    customer_id: customerId,
    transaction_id: input.transaction_id,
    account_id: account.id,
    asset: input.asset,
    amount: input.amount,
    description: input.description ?? null,
    reason: input.reason ?? null,
    expires_at: input.expires_at ?? null,
    metadata: input.metadata ?? null,
    created_at: now,
  };
  move(account, input.amount);
  state.adjustments.push(adjustment);
  return adjustment;
}
