import type { Request, Response } from 'express';
import { accounts } from '../services/accounts.js';

export async function register(req: Request, res: Response) {
  const { email, name, password } = req.body;
  const account = await accounts.insertAccount({ email, name, password });
  req.session.accountId = account.id;
  res.status(201).json({ id: account.id });
}

export async function login(req: Request, res: Response) {
  const account = await accounts.findByEmail(req.body.email);
  if (!account) return res.status(401).end();
  req.session.accountId = account.id;
  res.json({ id: account.id });
}
