// Each provider's billing module is one file the app owns, with no runtime dependency on this toolkit, so the
// parts every provider needs (the failure policy, the 402 body, URL resolution) are written in each template.
// They must not drift apart: the same call site must behave the same whatever the provider.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const TEMPLATES = ['credyt', 'paymentkit', 'credits-service'].map((provider) => ({
  provider,
  text: readFileSync(new URL(`../../src/providers/${provider}/template/billing.ts`, import.meta.url), 'utf8'),
}));

/** The text of a top-level function, from its `function` line to the closing brace at column 0. */
function functionText(text: string, name: string): string | null {
  const start = new RegExp(`^(export )?(async )?function ${name}\\b`, 'm').exec(text);
  if (!start) return null;
  const end = text.indexOf('\n}\n', start.index);
  return text.slice(start.index, end + 2);
}

test.each(['handleFailure', 'balanceCheck', 'absoluteUrl', 'onBillingError'])('%s is the same in every template', (name) => {
  const [first, ...rest] = TEMPLATES.map((t) => ({ provider: t.provider, code: functionText(t.text, name) }));
  expect(first!.code, `${first!.provider} has ${name}`).toBeTruthy();
  for (const other of rest) expect(other.code, `${other.provider}'s ${name}`).toBe(first!.code);
});

test('every template exports the calls the areas insert, with the same names', () => {
  for (const { provider, text } of TEMPLATES) {
    for (const name of ['ensureCustomer', 'trackUsage', 'checkBalance', 'getBalance', 'createPortalSession', 'onBillingError']) {
      expect(text, `${provider} exports ${name}`).toMatch(new RegExp(`^export (async )?function ${name}\\(`, 'm'));
    }
    expect(text, `${provider} exports BillingError`).toMatch(/^export class BillingError extends Error \{/m);
    expect(text, `${provider}'s billing object`).toMatch(/^export const billing = \{\n\s+ensureCustomer, trackUsage, checkBalance, getBalance,/m);
  }
});
