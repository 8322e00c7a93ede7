// The billing portal (POST /billing-portal/sessions, then the customer's browser on /portal/<token>) and
// the fixed-fee payment link (/pay/<token>). The browser pages need no API key: the signed token is the
// credential, as Credyt's pre-authenticated portal link is.
import type { Core } from '../context.js';
import { html, json, redirect, type Reply, type Request } from '../http.js';
import { randomToken } from '../ids.js';
import { accountsOf, adjust } from '../ledger.js';
import { messagePage, paidPage, portalPage } from '../portal.js';
import { fieldProblem } from '../problems.js';
import type { Router } from '../router.js';
import { activate, announce } from '../subscriptions.js';
import type { PortalToken } from '../tokens.js';
import type { Customer } from '../types.js';
import { Checker } from '../validate.js';
import { findCustomer } from './customers.js';

export function pageRoutes(router: Router): void {
  router.add('POST', '/billing-portal/sessions', createSession);
  router.add('GET', '/portal/:token', showPortal);
  router.add('POST', '/portal/:token/top-up', topUp);
  router.add('GET', '/pay/:token', pay);
}

/** Browser pages: no API key. */
export function isPagePath(path: string): boolean {
  return path.startsWith('/portal/') || path.startsWith('/pay/');
}

function createSession(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const customerId = v.string(body.customer_id, 'customer_id', { required: true });
  const returnUrl = v.url(body.return_url, 'return_url', { required: true });
  const failureUrl = v.url(body.failure_url, 'failure_url');
  v.done();
  if (!findCustomer(core, customerId as string)) throw fieldProblem('customer_id', `no customer with id "${customerId}"`);
  const link = core.portalLink(customerId as string, returnUrl as string, failureUrl ?? null);
  return json(201, { redirect_url: link.url, expires_at: link.expiresAt });
}

type PortalCheck = { session: PortalToken; customer: Customer } | { reply: Reply };

/** An expired link goes to failure_url (Credyt: "failure_url also receives expired sessions"). */
function openPortal(core: Core, token: string): PortalCheck {
  const link = core.readLink(token);
  if (!link || link.payload.kind !== 'portal') return { reply: html(410, messagePage('Link not valid', 'This billing link is not valid. Go back to the app and open billing again.')) };
  const session = link.payload;
  const customer = findCustomer(core, session.customer_id);
  if (link.expired || !customer) {
    if (session.failure_url) return { reply: redirect(302, session.failure_url) };
    return { reply: html(410, messagePage('Link expired', 'This billing link has expired. Go back to the app and open billing again.')) };
  }
  return { session, customer };
}

function topUpAssets(core: Core, customer: Customer): string[] {
  const assets = accountsOf(core.state, customer.id).map((account) => account.asset);
  return assets.length > 0 ? [...new Set(assets)] : [core.defaultAsset];
}

function showPortal(core: Core, req: Request): Reply {
  const opened = openPortal(core, req.params.token);
  if ('reply' in opened) return opened.reply;
  const action = `/portal/${encodeURIComponent(req.params.token)}/top-up`;
  return html(200, portalPage(opened.customer, accountsOf(core.state, opened.customer.id), action, topUpAssets(core, opened.customer)));
}

function topUp(core: Core, req: Request): Reply {
  const opened = openPortal(core, req.params.token);
  if ('reply' in opened) return opened.reply;
  const { session, customer } = opened;
  const form = (req.body ?? {}) as Record<string, unknown>;
  const amount = Number(form.amount);
  const assets = topUpAssets(core, customer);
  const asset = typeof form.asset === 'string' && form.asset !== '' ? form.asset : assets[0];
  if (typeof form.amount !== 'string' || !Number.isFinite(amount) || amount <= 0) {
    return html(400, messagePage('Amount not valid', 'Enter an amount greater than 0.'));
  }
  if (!assets.includes(asset)) return html(400, messagePage('Asset not valid', `This wallet cannot be topped up in ${asset}.`));
  adjust(
    core.state,
    customer.id,
    { transaction_id: `portal_topup_${randomToken(16)}`, asset, amount, reason: 'external_topup', description: 'Billing portal top-up' },
    core.iso(),
  );
  core.commit();
  return redirect(303, session.return_url);
}

/** Visiting the payment link pays the fixed fee: the subscription activates and the browser returns. */
function pay(core: Core, req: Request): Reply {
  const link = core.readLink(req.params.token);
  if (!link || link.payload.kind !== 'pay') return html(410, messagePage('Link not valid', 'This payment link is not valid.'));
  const { customer_id, subscription_id } = link.payload;
  const customer = findCustomer(core, customer_id);
  const subscription = customer?.subscriptions.find((candidate) => candidate.id === subscription_id);
  if (!customer || !subscription) return html(410, messagePage('Link not valid', 'This payment link is not valid.'));
  if (link.expired && subscription.status !== 'active') {
    if (subscription.failure_url) return redirect(302, subscription.failure_url);
    return html(410, messagePage('Link expired', 'This payment link has expired. Go back to the app to get a new one.'));
  }
  if (activate(core, customer, subscription)) {
    core.commit();
    announce(core, customer, [subscription]);
  }
  if (subscription.return_url) return redirect(302, subscription.return_url);
  return html(200, paidPage(customer));
}
