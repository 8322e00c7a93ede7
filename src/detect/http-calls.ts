// Billable calls made with plain HTTP instead of an SDK: `fetch` or axios POSTing to a known AI provider's
// API (api.openai.com, api.anthropic.com, api.replicate.com, ...) or to a URL the config names. The URL is
// read from the call (a literal, a template, or a const of this file); only requests that create work
// count: a POST. A GET that polls a Replicate prediction is the same run, not a second one.
import type * as t from '@babel/types';
import { dottedName, getPropertyValue, stringValue, unwrap } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import type { BillableProvider } from './types.js';

export interface HttpMatch {
  provider: Exclude<BillableProvider, 'ai-sdk'>;
  /** The SDK call the endpoint stands for (`chat.completions.create`), or the config rule. */
  call: string;
  reason: string;
}

interface Host {
  host: RegExp;
  provider: Exclude<BillableProvider, 'ai-sdk' | 'config' | 'langchain'>;
  /** Endpoint path → the SDK call whose result has the same shape. */
  paths: Array<[RegExp, string]>;
}

const OPENAI_PATHS: Array<[RegExp, string]> = [
  [/\/chat\/completions/, 'chat.completions.create'],
  [/\/responses/, 'responses.create'],
  [/\/embeddings/, 'embeddings.create'],
  [/\/images\/(generations|edits)/, 'images.generate'],
  [/\/audio\/transcriptions/, 'audio.transcriptions.create'],
  [/\/audio\/speech/, 'audio.speech.create'],
  [/\/completions/, 'completions.create'],
];

export const AI_HOSTS: Host[] = [
  { host: /api\.openai\.com/, provider: 'openai', paths: OPENAI_PATHS },
  { host: /openai\.azure\.com/, provider: 'openai', paths: OPENAI_PATHS },
  { host: /api\.anthropic\.com/, provider: 'anthropic', paths: [[/\/messages/, 'messages.create']] },
  { host: /api\.replicate\.com/, provider: 'replicate', paths: [[/\/predictions|\/models\/.*\/predictions/, 'predictions.create']] },
  { host: /api\.groq\.com/, provider: 'groq', paths: [[/\/chat\/completions/, 'chat.completions.create'], [/\/audio\/transcriptions/, 'audio.transcriptions.create']] },
  { host: /generativelanguage\.googleapis\.com/, provider: 'google', paths: [[/:generateContent|:streamGenerateContent/, 'models.generateContent'], [/:embedContent/, 'models.embedContent']] },
];

/** A cheap text test: a file that may POST to an AI provider (or to a URL the config names). */
// Every host in one pattern: one scan of a file instead of one per host.
const ANY_AI_HOST = new RegExp(AI_HOSTS.map((h) => h.host.source).join('|'));

// The requests requestOf reads: a host in a file that makes none (a form's placeholder URL) is no call.
const HTTP_REQUEST = /\bfetch\s*\(|\b(?:axios|ky|got|client|http|api)\s*\.\s*(?:post|put)\s*\(|\baxios\s*\(/;

export function mayCallAiHost(text: string, urls: string[]): boolean {
  // Every host is a .com (a test holds the list to that): the substring search comes first.
  return ((text.includes('.com') && ANY_AI_HOST.test(text)) || urls.some((u) => text.includes(hostOf(u)))) && HTTP_REQUEST.test(text);
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//, '').split('/')[0];
}

/** Config entries that name a URL or host (`https://api.example-ai.com/v1/generate`). */
export function configUrls(calls: string[]): string[] {
  return calls.filter((c) => /^https?:\/\//.test(c));
}

/** `fetch(url, { method: 'POST' })`, `axios.post(url)` or `axios({ method: 'post', url })` to an AI API. */
export function matchHttpCall(call: t.CallExpression | t.OptionalCallExpression, ast: t.File, urls: string[]): HttpMatch | null {
  const request = requestOf(call);
  if (!request || request.method !== 'POST') return null;
  const url = urlText(request.url, ast);
  if (url === null) return null;
  const named = urls.find((u) => url.includes(u.replace(/^https?:\/\//, '')) || (u.includes(url) && url.length > 8));
  if (named) return { provider: 'config', call: named, reason: `POST to ${named}, named in billing.config.json` };
  const host = AI_HOSTS.find((h) => h.host.test(url));
  if (!host) return null;
  const path = host.paths.find(([pattern]) => pattern.test(url));
  if (!path) return null;
  return { provider: host.provider, call: path[1], reason: `POST to ${url.replace(/^https?:\/\//, '').split(/[?`$]/)[0]} with ${request.via}` };
}

interface Request {
  url: Node;
  method: string;
  via: string;
}

function requestOf(call: t.CallExpression | t.OptionalCallExpression): Request | null {
  const callee = dottedName(call.callee) ?? '';
  const [first, second] = call.arguments as Node[];
  if (!first) return null;
  if (callee === 'fetch' || callee === 'globalThis.fetch' || callee === 'window.fetch') {
    const method = second?.type === 'ObjectExpression' ? stringValue(getPropertyValue(second, 'method')) : null;
    return { url: first, method: (method ?? 'GET').toUpperCase(), via: 'fetch' };
  }
  const axios = /^(axios|ky|got|client|http|api)\.(post|put)$/.exec(callee);
  if (axios) return { url: first, method: 'POST', via: callee };
  if (callee === 'axios' && first.type === 'ObjectExpression') {
    const url = getPropertyValue(first, 'url');
    const method = stringValue(getPropertyValue(first, 'method'));
    return url ? { url, method: (method ?? 'GET').toUpperCase(), via: 'axios' } : null;
  }
  return null;
}

/** The URL as text: a literal, a template's fixed parts, `new URL(...)`, or a const of this file holding one. */
function urlText(node: Node, ast: t.File, depth = 0): string | null {
  const n = unwrap(node);
  const literal = stringValue(n);
  if (literal !== null) return literal;
  if (n.type === 'TemplateLiteral') {
    // Parts that are consts of this file are read through (`${BASE_URL}/chat/completions`).
    return n.quasis.map((q, i) => (q.value.cooked ?? q.value.raw) + (i < n.expressions.length ? (urlText(n.expressions[i] as Node, ast, depth + 1) ?? '${}') : '')).join('');
  }
  if (n.type === 'NewExpression' && dottedName(n.callee) === 'URL' && n.arguments[0]) {
    const parts = n.arguments.slice(0, 2).map((a) => urlText(a as Node, ast, depth + 1));
    return parts.every((p) => p !== null) ? parts.reverse().join('') : null;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const left = urlText(n.left as Node, ast, depth + 1);
    const right = urlText(n.right, ast, depth + 1);
    return left !== null || right !== null ? `${left ?? ''}${right ?? ''}` : null;
  }
  if (n.type === 'Identifier' && depth < 3) {
    const init = constInit(ast, n.name);
    return init ? urlText(init, ast, depth + 1) : null;
  }
  return null;
}

function constInit(ast: t.File, name: string): Node | null {
  let found: Node | null = null;
  walk(ast.program, (node) => {
    if (found) return 'skip';
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name && node.init) found = node.init;
  });
  return found;
}
