// The Express and Fastify example apps, untouched, against the fake AI server.
import { smokeSuite } from './smoke-suite.js';

smokeSuite('express-ts-esm');
smokeSuite('express-js-cjs');
smokeSuite('fastify-ts');
