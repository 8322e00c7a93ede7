// Recognises billable calls: SDK methods on a traced client (OpenAI, Anthropic, Replicate), Vercel AI SDK
// functions, and calls the config names. Shared by detection and by the transforms that edit call sites.
import type * as t from '@babel/types';
import { dottedName, functionName, isFunction, lineOf, unwrap } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import type { BillingConfig } from '../config/types.js';
import type { RouteHandler } from '../frameworks/types.js';
import { clientOf, type ClientIndex, type FileClients } from './clients.js';
import type { PackageContext } from './package-context.js';
import { isGeneratedBillingModule } from '../providers/marker.js';
import { configUrls, matchHttpCall, mayCallAiHost } from './http-calls.js';
import { AI_SDK_FUNCTIONS, CLIENT_SDKS, IMPORTED_FROM, mayHoldSdkCall, mayMakeClient } from './sdk-catalog.js';
import type { BillableCall, BillableProvider } from './types.js';

export interface CallMatch {
  provider: BillableProvider;
  /** The SDK's name for the call (`chat.completions.create`) or the config entry that matched. */
  call: string;
  reason: string;
  /** Plain HTTP (`fetch`, axios) to the provider's API: the result is a response whose JSON body is what the SDK would return. */
  http?: boolean;
  /** A LangChain chain built from a model (`prompt.pipe(model)`): its result is whatever the chain outputs, without usage. */
  chain?: boolean;
}

export interface CallMatcher {
  clients: FileClients;
  index: ClientIndex;
  dependencies: Set<string>;
  /** Callees named in the config (`generateVideo`, `fastify.apiLayer.post`). */
  configCalls: string[];
  /** URLs and hosts named in the config (`https://api.example-ai.com/v1/generate`). */
  configUrls?: string[];
  /** The file's tree, for URLs kept in a const. */
  ast?: t.File;
}

export type CallNode = t.CallExpression | t.OptionalCallExpression;

export function isCall(node: Node): node is CallNode {
  return node.type === 'CallExpression' || node.type === 'OptionalCallExpression';
}

/** Callees named in the config: entries without a `provider:` prefix. */
export function configCallees(config: BillingConfig | null): string[] {
  return namedInConfig(config).callees;
}

/** URLs and hosts named in the config. */
export function configUrlRules(config: BillingConfig | null): string[] {
  return namedInConfig(config).urls;
}

// Asked for every file a package has: worked out once per config.
const NOTHING_NAMED = { callees: [], urls: [] };
const named = new WeakMap<BillingConfig, { callees: string[]; urls: string[] }>();

function namedInConfig(config: BillingConfig | null): { callees: string[]; urls: string[] } {
  if (!config) return NOTHING_NAMED;
  let found = named.get(config);
  if (!found) {
    const calls = config.events.flatMap((e) => e.calls);
    found = { callees: [...new Set(calls.filter((c) => !c.includes(':')))], urls: [...new Set(configUrls(calls))] };
    named.set(config, found);
  }
  return found;
}

/** The event type the config assigns to a match (`openai:chat.completions.create`, `openai:*`, or a callee). */
export function eventTypeFor(config: BillingConfig, match: CallMatch): string | null {
  const id = match.provider === 'config' ? match.call : `${match.provider}:${match.call}`;
  const exact = config.events.find((e) => e.calls.includes(id));
  if (exact) return exact.type;
  const wildcard = config.events.find((e) => e.calls.includes(`${match.provider}:*`));
  return wildcard?.type ?? null;
}

export function matchBillableCall(call: CallNode, m: CallMatcher): CallMatch | null {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') {
    const fn = m.clients.aiSdk.get(callee.name);
    if (fn && fn !== '*') return { provider: 'ai-sdk', call: fn, reason: `${fn} imported from 'ai'` };
  }
  const dotted = dottedName(callee);
  if (dotted === null) return null;
  if (m.ast && /(^|\.)(fetch|post|put)$|^axios$/.test(dotted)) {
    const http = matchHttpCall(call, m.ast, m.configUrls ?? []);
    if (http) return { ...http, http: true };
  }
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && m.clients.aiSdk.get(callee.object.name) === '*') {
    const fn = dotted.split('.').pop() as string;
    if (AI_SDK_FUNCTIONS.includes(fn)) return { provider: 'ai-sdk', call: fn, reason: `${fn} from the 'ai' namespace` };
  }
  return matchClientCall(callee, dotted, m) ?? matchConfigCall(dotted, m.configCalls);
}

// Each SDK's calls, longest path first (`chat.completions.create` before `completions.create`): sorted once,
// not for every call expression of every parsed file.
const CALLS_LONGEST_FIRST = new Map(CLIENT_SDKS.map((sdk) => [sdk, [...sdk.calls].sort((a, b) => b.split('.').length - a.split('.').length)]));

function matchClientCall(callee: Node, dotted: string, m: CallMatcher): CallMatch | null {
  for (const sdk of CLIENT_SDKS) {
    for (const path of CALLS_LONGEST_FIRST.get(sdk)!) {
      if (!dotted.endsWith(`.${path}`)) continue;
      const receiver = receiverOf(callee, path.split('.').length);
      if (!receiver) continue;
      const client = clientOf(receiver, m.clients, m.index);
      if (client) {
        if (client.sdk !== sdk) break;
        return { provider: sdk.provider, call: path, reason: `client traced to ${client.via}`, ...(client.chain ? { chain: true } : {}) };
      }
      const name = dotted.slice(0, -path.length - 1).replace(/\(\)/g, '').split('.').pop() ?? '';
      const depends = sdk.packages.some((p) => m.dependencies.has(p));
      if (sdk.distinctive.includes(path) && depends && sdk.nameHint.test(name)) {
        return { provider: sdk.provider, call: path, reason: `${path} on \`${name}\`, shaped like the ${sdk.packages[0]} SDK` };
      }
      break;
    }
  }
  return null;
}

/** The receiver of `a.b.c.create`: strip `depth` member steps off the callee. */
function receiverOf(callee: Node, depth: number): Node | null {
  let node: Node = callee;
  for (let i = 0; i < depth; i++) {
    const n = unwrap(node);
    if (n.type !== 'MemberExpression' && n.type !== 'OptionalMemberExpression') return null;
    node = n.object;
  }
  return node;
}

const ROOT_ALIASES = /^(this|fastify|app|server|instance|request\.server|req\.server|req\.app)\./;

function matchConfigCall(dotted: string, entries: string[]): CallMatch | null {
  const plain = dotted.replace(/\(\)/g, '');
  const bare = plain.replace(ROOT_ALIASES, '');
  for (const entry of entries) {
    if (plain === entry || plain.endsWith(`.${entry}`) || (ROOT_ALIASES.test(entry) && bare === entry.replace(ROOT_ALIASES, ''))) {
      return { provider: 'config', call: entry, reason: `named in billing.config.json` };
    }
  }
  return null;
}

export function callMatcherFor(ctx: PackageContext, path: string): CallMatcher | null {
  const clients = ctx.fileClients(path);
  if (!clients) return null;
  return { clients, index: ctx.clientIndex(), dependencies: ctx.dependencies, configCalls: configCallees(ctx.config), configUrls: configUrlRules(ctx.config), ast: ctx.parse(path) ?? undefined };
}

/** Whether a file may hold a billable call (text prefilter; the parse decides). `reachesClient`: see mayHoldSdkCall. */
export function mayHoldBillableCall(text: string, config: BillingConfig | null, reachesClient?: () => boolean): boolean {
  if (mayHoldSdkCall(text, reachesClient) || mayCallAiHost(text, configUrlRules(config))) return true;
  return configCallees(config).some((c) => text.includes(c.split('.').pop() as string));
}

export interface FoundCall {
  node: CallNode;
  ancestors: Node[];
  match: CallMatch;
}

/** Every billable call in one parsed file. */
export function findCallsInFile(ast: t.File, matcher: CallMatcher): FoundCall[] {
  const out: FoundCall[] = [];
  walk(ast.program, (node, ancestors) => {
    if (!isCall(node)) return;
    const match = matchBillableCall(node, matcher);
    if (match) out.push({ node, ancestors: [...ancestors], match });
  });
  return out;
}

/** Every billable call of a package; calls outside the request handlers in `routes` name their helper. */
export function detectBillableCalls(ctx: PackageContext, routes: RouteHandler[] = []): BillableCall[] {
  const handlers = new Set<Node>(routes.flatMap((r) => (r.fn ? [r.fn] : [])));
  const out: BillableCall[] = [];
  for (const [path, text] of ctx.sources) {
    // The billing module's own requests are not billable calls.
    if (!mayHoldBillableCall(text, ctx.config, () => mayReachClient(ctx, path, text)) || isGeneratedBillingModule(text)) continue;
    const ast = ctx.parse(path);
    const matcher = ast && callMatcherFor(ctx, path);
    if (!ast || !matcher) continue;
    for (const found of findCallsInFile(ast, matcher)) {
      const helper = helperOf(found.ancestors, handlers);
      out.push({
        file: path,
        line: lineOf(found.node),
        provider: found.match.provider,
        call: found.match.call,
        reason: found.match.reason,
        ...(helper ? { inHelper: helper } : {}),
        ...(found.match.http ? { http: true } : {}),
      });
    }
  }
  return out;
}

const IMPORTED = new RegExp(`${IMPORTED_FROM}['"\`]([^'"\`\\n]+)['"\`]`, 'g');

/**
 * Whether a file can hold a client a generic method (`run`, `invoke`) is called on, as readFileClients traces
 * them: it makes one (an SDK imported, `new ChatOpenAI()`, `.decorate(`), imports a module the client index
 * holds clients or factories of, or the package decorates its server with a client (any member may be one).
 * langfuse's worker calls `migration.run(...)` and `adapter.run(...)` in files about LLMs that reach none.
 */
function mayReachClient(ctx: PackageContext, path: string, text: string): boolean {
  const index = ctx.clientIndex();
  if (index.decorations.size > 0 || mayMakeClient(text)) return true;
  for (const [, specifier] of text.matchAll(IMPORTED)) {
    const target = ctx.resolve(path, specifier!);
    if (target && (index.exports.has(target) || index.factories.has(target))) return true;
  }
  return false;
}

/**
 * The named function a call sits in when no request handler encloses it (`summarize` in services/ai.ts):
 * the place a gate or usage event must reach through. Anonymous callbacks are looked through.
 */
function helperOf(ancestors: Node[], handlers: Set<Node>): string | null {
  if (ancestors.some((a) => handlers.has(a))) return null;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    if (!isFunction(ancestors[i])) continue;
    const name = functionName(ancestors[i], ancestors.slice(0, i));
    if (name) return name;
  }
  return null;
}
