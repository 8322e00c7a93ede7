import { fixtureSuite } from '../helpers/fixtures.js';

fixtureSuite('billing-portal');
