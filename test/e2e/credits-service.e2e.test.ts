// The credits service as provider on the Express and Fastify sample apps, against its local sandbox and the fake AI.
import { creditsServiceSuite } from './credits-service-suite.js';

creditsServiceSuite('express-ts-esm');
creditsServiceSuite('fastify-ts');
