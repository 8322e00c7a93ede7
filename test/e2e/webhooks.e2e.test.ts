// webhooks on the Express and Fastify sample apps, against the sandbox, which delivers signed events.
import { webhooksSuite } from './webhooks-suite.js';

webhooksSuite('express-ts-esm');
webhooksSuite('express-js-cjs');
webhooksSuite('fastify-ts');
