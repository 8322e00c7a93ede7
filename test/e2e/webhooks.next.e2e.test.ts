// webhooks on the Next.js sample apps (app router, pages router), served with `next dev`, against the sandbox.
import { webhooksSuite } from './webhooks-suite.js';

webhooksSuite('next-app');
webhooksSuite('next-pages');
