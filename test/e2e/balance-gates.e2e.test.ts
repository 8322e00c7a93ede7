// balance-gates on the Express and Fastify sample apps, against the sandbox and the fake AI.
import { balanceGatesSuite } from './balance-gates-suite.js';

balanceGatesSuite('express-ts-esm');
balanceGatesSuite('express-js-cjs');
balanceGatesSuite('fastify-ts');
