// `verify --live`: a test customer run through the billing API (Credyt's test mode, or the sandbox): subscribed
// to the config's products, funded by an adjustment, one realistic event per event type read back — its fee must
// equal the config's price and the balance must move by exactly that — then emptied, when the generated
// billing module's gate must refuse. Credyt has no customer deletion: the customer is named for cleanup.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiUnavailable, catalogApi, type CatalogApi } from '../catalog/api.js';
import { expectedFees, sameFees, sampleData } from '../catalog/push.js';
import type { BillingConfig, PriceDefinition } from '../config/types.js';
import { generateBillingModule } from '../providers/generate.js';
import type { Check } from './static-checks.js';

const FUNDING = 1000;

export async function liveChecks(config: BillingConfig): Promise<Check[]> {
  let api: CatalogApi;
  try {
    api = catalogApi();
  } catch (error) {
    if (error instanceof ApiUnavailable) return [{ name: 'live: billing API', status: 'fail', detail: error.message, locations: [] }];
    throw error;
  }
  try {
    return await run(api, config);
  } catch (error) {
    if (error instanceof ApiUnavailable) return [{ name: 'live: billing API', status: 'fail', detail: error.message, locations: [] }];
    throw error;
  }
}

async function run(api: CatalogApi, config: BillingConfig): Promise<Check[]> {
  const checks: Check[] = [];
  const externalId = `billing-codemod-verify-${randomUUID()}`;
  const created = await api.send('POST', '/customers', {
    name: 'billing-codemod verify --live',
    external_id: externalId,
    subscriptions: [{ products: config.products.map((p) => ({ code: p.code })) }],
  });
  const customerId = (created.body as { id?: string } | null)?.id;
  if (created.status >= 300 || !customerId) {
    return [{ name: 'live: test customer', status: 'fail', detail: `POST /customers answered ${created.status}: ${JSON.stringify(created.body)} (run \`billing-codemod products push\` first?)`, locations: [] }];
  }
  checks.push({ name: 'live: test customer', status: 'pass', detail: `${customerId} (external id ${externalId}; Credyt has no customer deletion: it stays in test mode)`, locations: [] });
  const balance = async () => ((await api.get(`/customers/${customerId}/wallet/default:${config.asset}`)).body as { available?: number } | null)?.available ?? 0;
  const adjust = (amount: number) =>
    api.send('POST', `/customers/${customerId}/wallet/adjustments`, { transaction_id: randomUUID(), asset: config.asset, amount, reason: amount >= 0 ? 'gift' : 'external_refund', description: 'billing-codemod verify --live' });
  const funded = await adjust(FUNDING);
  checks.push({ name: 'live: funded', status: funded.status < 300 ? 'pass' : 'fail', detail: funded.status < 300 ? `${FUNDING} ${config.asset} by adjustment` : `the adjustment answered ${funded.status}: ${JSON.stringify(funded.body)}`, locations: [] });

  for (const event of config.events) {
    const price = priceFor(config, event.type);
    if (!price) {
      checks.push({ name: `live: ${event.type}`, status: 'fail', detail: 'no usage price in the config has this event type: its events would be accepted and not billed', locations: [] });
      continue;
    }
    const data = sampleData(price);
    const expected = expectedFees(price, data).filter((f) => f.asset === config.asset);
    const before = await balance();
    const id = randomUUID();
    await api.send('POST', '/events', { customer_id: customerId, events: [{ id, event_type: event.type, occurred_at: new Date().toISOString(), subject: 'billing-codemod verify --live', data }] });
    const read = (await api.get(`/events/${id}`)).body as { fees?: Array<{ asset: string; amount: number }> } | null;
    const fees = (read?.fees ?? []).filter((f) => f.asset === config.asset).map((f) => ({ asset: f.asset, amount: f.amount }));
    const moved = Math.round((before - (await balance())) * 1e9) / 1e9;
    const charged = fees.reduce((sum, f) => sum + f.amount, 0);
    const ok = sameFees(fees, expected) && Math.abs(moved - charged) < 1e-9;
    const detail = `${JSON.stringify(data)}: fee ${charged} ${config.asset} (config: ${expected.reduce((s, f) => s + f.amount, 0)}), balance moved by ${moved}`;
    checks.push({ name: `live: ${event.type}`, status: ok ? 'pass' : 'fail', detail, locations: [] });
  }

  // Empty the wallet; the generated gate must then refuse a call of every event type.
  await adjust(-(await balance()));
  const gate = await gateRefuses(config, customerId);
  checks.push({ name: 'live: an empty wallet is refused', status: gate.ok ? 'pass' : 'fail', detail: gate.detail, locations: [] });
  return checks;
}

function priceFor(config: BillingConfig, eventType: string): PriceDefinition | undefined {
  return config.products.flatMap((p) => p.prices ?? []).find((p) => p.type === 'usage_based' && p.usage_calculation?.event_type === eventType);
}

/** The billing module this config generates, loaded for real, asked to gate each event type's estimate. */
async function gateRefuses(config: BillingConfig, customerId: string): Promise<{ ok: boolean; detail: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'billing-verify-'));
  try {
    const file = join(dir, 'billing.mjs');
    writeFileSync(file, generateBillingModule({ language: 'js', module: 'esm', serverOnly: null, config }));
    const mod = (await import(pathToFileURL(file).href)) as { checkBalance: (input: { customer: string; estimate: number }) => Promise<{ allowed: boolean; available: number }> };
    const allowed: string[] = [];
    for (const event of config.events) {
      const answer = await mod.checkBalance({ customer: customerId, estimate: event.estimate });
      if (answer.allowed) allowed.push(`${event.type} (available ${answer.available})`);
    }
    return allowed.length ? { ok: false, detail: `the gate let through: ${allowed.join(', ')}` } : { ok: true, detail: `checkBalance refused every event type at a zero balance` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
