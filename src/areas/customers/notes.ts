// What the customers plan tells the user beyond the diff: how to keep the Credyt id on the user row for the
// ORM the app uses, the webhooks area for fixed fees, and the step to take when no signup was found.
import type { BillingConfig } from '../../config/types.js';
import type { PackageInfo } from '../../detect/types.js';
import type { ManualStep } from '../../plan/types.js';

/** One note for the ORM the app stores users with (Prisma, Drizzle, Mongoose), or none. */
export function storeIdNote(info: PackageInfo): string | null {
  const deps = new Set(info.dependencies);
  if (deps.has('@prisma/client') || deps.has('prisma')) {
    return keepIdNote('Prisma', 'add `billingCustomerId String? @unique` to `model User` and migrate', 'await prisma.user.update({ where: { id: user.id }, data: { billingCustomerId: customer.id } })');
  }
  if (deps.has('drizzle-orm')) {
    return keepIdNote('Drizzle', "add `billingCustomerId: text('billing_customer_id').unique()` to the users table and migrate", 'await db.update(users).set({ billingCustomerId: customer.id }).where(eq(users.id, user.id))');
  }
  if (deps.has('mongoose')) {
    return keepIdNote('Mongoose', 'add `billingCustomerId: { type: String, index: true }` to the user schema', 'await User.updateOne({ _id: user.id }, { billingCustomerId: customer.id })');
  }
  return null;
}

function keepIdNote(orm: string, schema: string, update: string): string {
  return (
    `Optional, to keep the Credyt customer id on the user row (lookups by external id cover everything else; this run does not edit database schemas): with ${orm}, ${schema}; ` +
    `then keep the call's result (\`const customer = await billing.ensureCustomer(...)\`) and add \`if (customer) ${update};\`.`
  );
}

/** Product codes with a recurring fixed fee: their subscriptions wait for payment. */
export function fixedFeeProducts(config: BillingConfig): string[] {
  return config.products
    .filter((p) => p.prices?.some((price) => price.type === 'fixed' && price.billing_model.type === 'recurring'))
    .map((p) => p.code);
}

export function paymentNote(codes: string[]): string {
  const list = codes.map((c) => `\`${c}\``).join(', ');
  return `${list} ${codes.length === 1 ? 'has' : 'have'} a recurring fixed fee: a new customer's subscription waits for payment, and signup sends the person to its paymentUrl. Apply the \`webhooks\` area next (\`billing-codemod apply webhooks\`) so accounts are activated on \`subscription.activated\`.`;
}

export const BOTH_COVERED =
  'The auth library hook covers every user it creates (OAuth sign-ins included); routes that create users themselves get the call too. ensureCustomer is get-or-create, so a user both see is still one customer.';

export function noSignupStep(info: PackageInfo): ManualStep {
  const file = info.framework === 'next' ? (info.srcDir ? 'src/app/actions.ts' : 'app/actions.ts') : `${info.srcDir ? 'src/' : ''}routes/auth.${info.language}`;
  return {
    message:
      'No signup handler was found, so nothing was changed. Name the function that creates your users in billing.config.json under customers.signup ' +
      '(file relative to this app; handler: the function or export name, such as signup or POST), then run `billing-codemod apply customers` again.',
    snippet: `"customers": {\n  "onError": "log",\n  "signup": { "file": "${file}", "handler": "signup" }\n}`,
  };
}

export const FIRST_USE_COVERS =
  'No signup handler was found, and none is needed: with customers.createOnFirstUse (on), every user becomes a billing customer at their first balance check or usage event. To create customers at signup instead, name the function that creates users under customers.signup in billing.config.json.';

/** Users the app creates without a signup, and teams that could pay instead of users. */
export function accountNotes(info: PackageInfo): string[] {
  const notes: string[] = [];
  const { guests, teams } = info.accounts;
  if (guests.length) {
    const where = guests.map((g) => `${g.what} at ${g.file}:${g.line}`).join(', ');
    notes.push(`users are also created without a signup (${where}): guests become billing customers on first use like everyone else, so decide whether a guest may spend (a gate refuses an empty wallet)`);
  }
  if (teams) notes.push(`this app has teams or organizations (${teams}): to bill the team rather than each user, set customers.entity to "organization" (or "team") in billing.config.json`);
  return notes;
}
