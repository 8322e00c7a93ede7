// The credits service as provider on the Next.js app-router sample, served with `next dev`: the billing module
// reads the request's headers itself (next/headers), so call sites hand it nothing.
import { creditsServiceSuite } from './credits-service-suite.js';

creditsServiceSuite('next-app');
