import { fixtureSuite } from '../helpers/fixtures.js';

fixtureSuite('cost-tracking');
