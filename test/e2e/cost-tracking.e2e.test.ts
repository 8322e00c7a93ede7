// cost-tracking on the Express (JavaScript, CommonJS, Anthropic) and Fastify (OpenAI chat and responses) sample apps.
import { costTrackingSuite } from './cost-tracking-suite.js';

costTrackingSuite('express-js-cjs');
costTrackingSuite('fastify-ts');
