// The sandbox's stored state. Field names follow Credyt's API (snake_case) so views are mostly the records.
import type { PriceDefinition } from '../config/types.js';

export interface Asset {
  code: string;
  name: string;
  precision: number;
  symbol: string | null;
  label: string | null;
  rates: Array<{ source: string; rate: number }>;
  created_at: string;
}

/** Passed through as written; one with `asset` and `amount` is credited when a subscription activates. */
export type Entitlement = Record<string, unknown>;

export interface ProductVersion {
  version: number;
  published: boolean;
  prices: PriceDefinition[];
  entitlements: Entitlement[];
  created_at: string;
}

export interface Product {
  id: string;
  code: string;
  name: string;
  description: string | null;
  created_at: string;
  default_version: number | null;
  versions: ProductVersion[];
}

export interface SubscribedProduct {
  id: string;
  code: string;
  version: number;
}

/** Stored as `pending` or `active`; the `pendingStatus` quirk decides how `pending` is spelled on the wire. */
export interface Subscription {
  id: string;
  status: 'pending' | 'active';
  products: SubscribedProduct[];
  return_url: string | null;
  failure_url: string | null;
  redirect_to: string | null;
  created_at: string;
  started_at: string | null;
}

export interface Customer {
  id: string;
  external_id: string | null;
  name: string;
  email: string | null;
  created_at: string;
  subscriptions: Subscription[];
}

export interface Account {
  id: string;
  name: string;
  asset: string;
  available: number;
  pending_in: number;
  pending_out: number;
}

export interface Adjustment {
  id: string;
  customer_id: string;
  transaction_id: string;
  account_id: string;
  asset: string;
  amount: number;
  description: string | null;
  reason: string | null;
  expires_at: string | null;
  metadata: Record<string, unknown> | null;
  created_at: string;
}

export interface Fee {
  amount: number;
  asset: string;
  product_id: string;
  product_code: string;
  product_version: number;
  price_name: string;
}

export interface StoredEvent {
  id: string;
  customer_id: string;
  event_type: string;
  occurred_at: string;
  subject: string | null;
  description: string | null;
  data: Record<string, unknown>;
  costs: unknown[];
  fees: Fee[];
  /** Why an event produced no fee (or less than expected): not subscribed, no dimension match, ... */
  notes: string[];
  received_at: string;
}

/** Who a cost on an event was paid to (`costs[].vendor_id` / `vendor_external_id`). */
export interface Vendor {
  id: string;
  name: string;
  external_id: string;
  created_at: string;
}

export interface Webhook {
  id: string;
  url: string;
  topics: string[];
  connect: boolean;
  secret: string;
  created_at: string;
}

export interface State {
  version: 1;
  /** Signs payment and portal links; a fresh one on every reset, so old links stop working. */
  secret: string;
  assets: Asset[];
  products: Product[];
  customers: Customer[];
  /** Wallet accounts by customer id. */
  wallets: Record<string, Account[]>;
  adjustments: Adjustment[];
  events: StoredEvent[];
  webhooks: Webhook[];
  /** Absent in state files written before vendors existed (read as none). */
  vendors?: Vendor[];
}
