// The e2e harness: copy an example app, run the codemod on it, type-check it, boot it, drive it over HTTP.
export { prepareApp, type AppCopy } from './app-copy.js';
export { bootApp, freePort, type BootOptions, type RunningApp } from './boot.js';
export { billingApp, type ApplyOptions, type BillingApp } from './billing-app.js';
export { runCli } from './cli.js';
export { ensureDeps } from './deps.js';
export {
  badSignup,
  billableSpec,
  callBillable,
  login,
  me,
  signedInUserId,
  newUser,
  signup,
  signupAndSignIn,
  type TestUser,
} from './drivers.js';
export { expand, loadE2eConfig, type BillableSpec, type E2eConfig, type LoginSpec, type RequestSpec } from './e2e-config.js';
export { commitAll, gitDiff, gitStatus, initRepo } from './git.js';
export { HttpClient, type HttpResponse, type RequestOptions } from './http-client.js';
export { childEnv, groupAlive, killTree, run, type RunResult } from './process.js';
export { sampleApp, type SampleApp, type SampleAppOptions } from './sample-app.js';
export { billingEnv, SANDBOX_API_KEY, startBillingSandbox, type BillingSandbox } from './sandbox.js';
export { sandboxApi, type SandboxApi, type SandboxCustomer, type SandboxEvent } from './sandbox-api.js';
export { typecheck } from './typecheck.js';
export { addFixedFee, FIXED_FEE_PRODUCT } from './fixed-fee.js';
