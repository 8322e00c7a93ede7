// billing-portal and balance-display on the Express and Fastify sample apps, against the sandbox.
import { billingPortalSuite } from './billing-portal-suite.js';

billingPortalSuite('express-ts-esm');
billingPortalSuite('express-js-cjs');
billingPortalSuite('fastify-ts');
