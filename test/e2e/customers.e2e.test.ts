// customers on the Express and Fastify sample apps, against the sandbox and the fake AI.
import { customersSuite } from './customers-suite.js';

customersSuite('express-ts-esm');
customersSuite('express-js-cjs');
customersSuite('fastify-ts');
customersSuite('express-ts-esm', { fixedFee: true });
