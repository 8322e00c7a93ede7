// PaymentKit as provider on the Next.js app-router sample (`next dev` bundles the SDK), through the real SDK
// over a fake Payment Kit component.
import { paymentKitSuite } from './paymentkit-suite.js';

paymentKitSuite('next-app');
