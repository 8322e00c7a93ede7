import { fixtureSuite } from '../helpers/fixtures.js';

fixtureSuite('webhooks');
