// GET /customers/:id/wallet, GET /customers/:id/wallet/:accountId, POST /customers/:id/wallet/adjustments.
import { isKnownAsset } from '../catalog.js';
import type { Core } from '../context.js';
import { json, type Reply, type Request } from '../http.js';
import { accountsOf, adjust } from '../ledger.js';
import { fieldProblem, notFound } from '../problems.js';
import type { Router } from '../router.js';
import type { Account } from '../types.js';
import { Checker } from '../validate.js';
import { requireCustomer } from './customers.js';

export function walletRoutes(router: Router): void {
  router.add('GET', '/customers/:id/wallet', getWallet);
  router.add('GET', '/customers/:id/wallet/:accountId', getAccount);
  router.add('POST', '/customers/:id/wallet/adjustments', postAdjustment);
}

export function accountView(account: Account): Account {
  const { id, name, asset, available, pending_in, pending_out } = account;
  return { id, name, asset, available, pending_in, pending_out };
}

function getWallet(core: Core, req: Request): Reply {
  const customer = requireCustomer(core, req.params.id);
  return json(200, { accounts: accountsOf(core.state, customer.id).map(accountView) });
}

function getAccount(core: Core, req: Request): Reply {
  const customer = requireCustomer(core, req.params.id);
  const account = accountsOf(core.state, customer.id).find((entry) => entry.id === req.params.accountId);
  if (!account) throw notFound(`customer "${customer.id}" has no wallet account "${req.params.accountId}"`);
  return json(200, accountView(account));
}

function postAdjustment(core: Core, req: Request): Reply {
  const customer = requireCustomer(core, req.params.id);
  const v = new Checker();
  const body = v.body(req.body);
  const transactionId = v.string(body.transaction_id, 'transaction_id', { required: true });
  const asset = v.string(body.asset, 'asset', { required: true });
  const amount = v.number(body.amount, 'amount', { required: true });
  if (amount === 0) v.invalid('amount', 'must not be 0');
  const accountName = v.string(body.account_name, 'account_name');
  if (accountName !== undefined && (accountName.trim() === '' || accountName.includes(':'))) v.invalid('account_name', 'must be a non-empty name without ":"');
  const description = v.string(body.description, 'description');
  const reason = v.string(body.reason, 'reason');
  const expiresAt = v.timestamp(body.expires_at, 'expires_at');
  const metadata = v.object(body.metadata, 'metadata');
  if (asset !== undefined && asset !== '' && !isKnownAsset(core.state, asset)) v.invalid('asset', `no asset with code "${asset}"`);
  v.done();

  // Idempotent by transaction_id: a retry gets the first answer and moves no money.
  const earlier = core.state.adjustments.find((entry) => entry.transaction_id === transactionId);
  if (earlier) {
    if (earlier.customer_id !== customer.id) throw fieldProblem('transaction_id', 'was already used for another customer');
    return json(201, { id: earlier.id, created_at: earlier.created_at });
  }
  const adjustment = adjust(
    core.state,
    customer.id,
    {
      transaction_id: transactionId as string,
      asset: asset as string,
      amount: amount as number,
      account_name: accountName,
      description,
      reason,
      expires_at: expiresAt,
      metadata,
    },
    core.iso(),
  );
  core.commit();
  return json(201, { id: adjustment.id, created_at: adjustment.created_at });
}
