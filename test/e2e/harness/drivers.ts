// Generic drivers: sign up, log in, check the session, and call a billable route, all as described by
// the app's e2e.json, so one test body can drive every example app (and the codemod's output).
import { randomBytes } from 'node:crypto';
import type { AppCopy } from './app-copy.js';
import { expand, type BillableSpec, type E2eConfig, type RequestSpec } from './e2e-config.js';
import type { HttpClient, HttpResponse, RequestOptions } from './http-client.js';

export interface TestUser {
  email: string;
  password: string;
  name: string;
}

type Driven = Pick<AppCopy, 'config'> | E2eConfig;
const configOf = (app: Driven): E2eConfig => ('config' in app ? app.config : app);

/** A user no earlier test has taken. */
export function newUser(label = 'user'): TestUser {
  const id = randomBytes(4).toString('hex');
  return { email: `${label}-${id}@example.test`, password: `pw-${id}-long-enough`, name: `Test ${label} ${id}` };
}

function send(client: HttpClient, spec: RequestSpec, vars: Record<string, string>, body = spec.body, options: RequestOptions = {}): Promise<HttpResponse> {
  const expanded = expand(body, vars);
  const method = spec.method ?? 'POST';
  if (spec.form) return client.request(method, spec.path, { ...options, form: expanded as Record<string, string> });
  return client.request(method, spec.path, { ...options, json: method === 'GET' ? undefined : expanded });
}

const userVars = (user: TestUser) => ({ email: user.email, password: user.password, name: user.name });

/** POSTs the app's signup request for `user`. Does not check the answer. */
export function signup(app: Driven, client: HttpClient, user: TestUser): Promise<HttpResponse> {
  return send(client, configOf(app).signup, userVars(user));
}

/** POSTs the app's signup request with e2e.json's deliberately invalid body. */
export function badSignup(app: Driven, client: HttpClient): Promise<HttpResponse> {
  const spec = configOf(app).signup;
  return send(client, spec, {}, spec.bad.body);
}

/** Logs `user` in (the next-auth CSRF dance included). Returns the final response. */
export async function login(app: Driven, client: HttpClient, user: TestUser): Promise<HttpResponse> {
  const spec = configOf(app).login;
  if (!('nextAuth' in spec)) return send(client, spec, userVars(user));
  const base = spec.nextAuth.basePath ?? '/api/auth';
  const csrf = await client.get(`${base}/csrf`);
  if (csrf.status !== 200) throw new Error(`GET ${base}/csrf answered ${csrf.status}: ${csrf.text}`);
  const form = { ...expand(spec.nextAuth.fields, userVars(user)), csrfToken: csrf.json().csrfToken as string, json: 'true' };
  return client.request('POST', `${base}/callback/${spec.nextAuth.provider}`, { form });
}

/** Signs up and, when the app's signup does not start a session, logs in. Throws on any unexpected status. */
export async function signupAndSignIn(app: Driven, client: HttpClient, user: TestUser): Promise<void> {
  const config = configOf(app);
  const res = await signup(config, client, user);
  if (res.status !== config.signup.status) throw new Error(`signup answered ${res.status}, expected ${config.signup.status}: ${res.text}`);
  if (config.signup.signsIn) return;
  const loggedIn = await login(config, client, user);
  // next-auth answers 200 with { url } either way; a failed sign-in's url carries ?error=.
  if (loggedIn.status >= 400 || /[?&]error=/.test(loggedIn.text)) {
    throw new Error(`login answered ${loggedIn.status}: ${loggedIn.text}`);
  }
}

/** GETs the app's "who am I" route: 200 when signed in. */
export function me(app: Driven, client: HttpClient): Promise<HttpResponse> {
  return send(client, { method: 'GET', ...configOf(app).me }, {});
}

/** The signed-in user's id, as the app's "who am I" route reports it; throws when nobody is signed in. */
export async function signedInUserId(app: Driven, client: HttpClient): Promise<string> {
  const res = await me(app, client);
  if (res.status !== 200) throw new Error(`me answered ${res.status}: ${res.text}`);
  const id = (res.json() as { user?: { id?: unknown } }).user?.id;
  if (id === undefined || id === null) throw new Error(`me has no user id: ${res.text}`);
  return String(id);
}

export function billableSpec(app: Driven, kind: string): BillableSpec {
  const spec = configOf(app).billable[kind];
  if (!spec) throw new Error(`e2e.json has no billable "${kind}" (has: ${Object.keys(configOf(app).billable).join(', ')})`);
  return spec;
}

/** Calls the billable route `kind` (a key of e2e.json's `billable`) with `prompt` as the user's input. */
export function callBillable(app: Driven, client: HttpClient, kind: string, prompt = 'Tell me something about billing', options: RequestOptions = {}): Promise<HttpResponse> {
  const spec = billableSpec(app, kind);
  return send(client, spec, { prompt }, spec.body, options);
}
