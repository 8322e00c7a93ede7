import { fixtureSuite } from '../helpers/fixtures.js';

fixtureSuite('balance-display');
