import type { Request, Response } from 'express';
import { accounts } from '../repositories/accounts.js';
import { billing } from '../lib/billing.js';

// Registered at runtime from routes.json, which detection cannot follow.
export async function createAccount(req: Request, res: Response) {
  const { email, displayName } = req.body;
  const account = await accounts.insertAccount({ email, displayName });
  await billing.ensureCustomer({ externalId: account.id, email });
  res.status(201).json({ id: account.id });
}

export async function deleteAccount(req: Request, res: Response) {
  await accounts.remove(req.params.id);
  res.status(204).end();
}
