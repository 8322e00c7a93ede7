// balance-gates on the Next.js sample apps (app router with route handlers, pages router with next-auth),
// served with `next dev`, against the sandbox and the fake AI.
import { balanceGatesSuite } from './balance-gates-suite.js';

balanceGatesSuite('next-app');
balanceGatesSuite('next-pages');
