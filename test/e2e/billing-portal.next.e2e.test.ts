// billing-portal and balance-display on the Next.js sample apps (app router, pages router with next-auth),
// served with `next dev`, against the sandbox.
import { billingPortalSuite } from './billing-portal-suite.js';

billingPortalSuite('next-app');
billingPortalSuite('next-pages');
