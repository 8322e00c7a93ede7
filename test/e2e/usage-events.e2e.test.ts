// usage-events on the Express and Fastify sample apps, against the sandbox and the fake AI.
import { usageEventsSuite } from './usage-events-suite.js';

usageEventsSuite('express-ts-esm');
usageEventsSuite('express-js-cjs');
usageEventsSuite('fastify-ts');
