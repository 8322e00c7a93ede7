// cost-tracking on the Next.js sample apps: the AI SDK in the app router, OpenAI chat and images in the pages router.
import { costTrackingSuite } from './cost-tracking-suite.js';

costTrackingSuite('next-app');
costTrackingSuite('next-pages');
