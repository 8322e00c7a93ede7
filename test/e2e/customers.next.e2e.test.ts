// customers on the Next.js sample apps (app router: server action and route handler; pages router with
// next-auth credentials: the signup API route), against the sandbox and the fake AI.
import { customersSuite } from './customers-suite.js';

customersSuite('next-app');
customersSuite('next-pages');
