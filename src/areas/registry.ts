// Every integration area, in the order a user applies them. An area is listed here only once it works.
// Each is listed by name and summary; its planner (and all it imports) is loaded when it runs, so an apply
// loads one area's modules, not every area's.
import type { Area } from './types.js';

export interface AreaEntry {
  name: string;
  /** One line for `list` and `--help`. */
  summary: string;
  load(): Promise<Area>;
}

export const AREAS: AreaEntry[] = [
  {
    name: 'client-setup',
    summary: 'write the billing module (API key from env), the env example and .gitignore',
    load: async () => (await import('./client-setup.js')).clientSetupArea,
  },
  {
    name: 'customers',
    summary: "create the billing customer in the app's signup (route handlers and auth-library hooks)",
    load: async () => (await import('./customers.js')).customersArea,
  },
  {
    name: 'usage-events',
    summary: 'send a usage event after each billable call, with its token counts and model',
    load: async () => (await import('./usage-events.js')).usageEventsArea,
  },
  {
    name: 'balance-gates',
    summary: 'check the balance before each billable call; answer 402 when it is too low',
    load: async () => (await import('./balance-gates.js')).balanceGatesArea,
  },
  {
    name: 'billing-portal',
    summary: "add a route that opens Credyt's billing portal for the signed-in customer; 402s link to it",
    load: async () => (await import('./billing-portal.js')).billingPortalArea,
  },
  {
    name: 'balance-display',
    summary: "add a route answering the signed-in customer's balance (and a BillingBalance component in Next.js)",
    load: async () => (await import('./balance-display.js')).balanceDisplayArea,
  },
  {
    name: 'webhooks',
    summary: "add a route that verifies Credyt's webhooks and activates paid subscriptions (subscription.activated)",
    load: async () => (await import('./webhooks.js')).webhooksArea,
  },
  {
    name: 'cost-tracking',
    summary: 'attach what each AI call cost you (costs) to its usage event, priced from the response usage',
    load: async () => (await import('./cost-tracking.js')).costTrackingArea,
  },
];

export async function findArea(name: string): Promise<Area | undefined> {
  return AREAS.find((a) => a.name === name)?.load();
}
