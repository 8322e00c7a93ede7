import type { Request, Response } from 'express';
import { accounts } from '../repositories/accounts.js';

export async function createAccount(req: Request, res: Response) {
  const account = await accounts.insertAccount(req.body);
  res.status(201).json({ id: account.id });
}
