// The Next.js example apps, untouched, against the fake AI server. Served with `next dev` (see README).
import { smokeSuite } from './smoke-suite.js';

smokeSuite('next-app');
smokeSuite('next-pages');
