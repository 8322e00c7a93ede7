// usage-events on the Next.js sample apps (app router with the AI SDK, pages router with next-auth), against
// the sandbox and the fake AI. Served with `next dev` (see README), so these are the slow ones.
import { usageEventsSuite } from './usage-events-suite.js';

usageEventsSuite('next-app');
usageEventsSuite('next-pages');
