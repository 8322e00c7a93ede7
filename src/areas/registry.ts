// Every integration area, in the order a user applies them. An area is listed here only once it works.
import { balanceDisplayArea } from './balance-display.js';
import { balanceGatesArea } from './balance-gates.js';
import { billingPortalArea } from './billing-portal.js';
import { clientSetupArea } from './client-setup.js';
import { costTrackingArea } from './cost-tracking.js';
import { customersArea } from './customers.js';
import { usageEventsArea } from './usage-events.js';
import { webhooksArea } from './webhooks.js';
import type { Area } from './types.js';

export const AREAS: Area[] = [clientSetupArea, customersArea, usageEventsArea, balanceGatesArea, billingPortalArea, balanceDisplayArea, webhooksArea, costTrackingArea];

export function findArea(name: string): Area | undefined {
  return AREAS.find((a) => a.name === name);
}
