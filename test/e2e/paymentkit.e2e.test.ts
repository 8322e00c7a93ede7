// PaymentKit as provider on the Express sample app, through the real SDK over a fake Payment Kit component.
import { paymentKitSuite } from './paymentkit-suite.js';

paymentKitSuite('express-ts-esm');
