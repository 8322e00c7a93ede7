// Placeholder replaced below.
import type { BillingConfig } from '../config/types.js';
import type { Check } from './static-checks.js';
export async function liveChecks(_config: BillingConfig): Promise<Check[]> {
  return [];
}
