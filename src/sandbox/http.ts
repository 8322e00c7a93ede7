// Reading requests and writing answers: JSON, problem details, HTML pages and redirects.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Problem } from './problems.js';
import type { Json } from './validate.js';

const MAX_BODY_BYTES = 1024 * 1024;

export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export interface Request {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or the fields of an urlencoded form. */
  body: unknown;
}

export function json(status: number, body: unknown): Reply {
  return { status, json: body };
}

export function html(status: number, page: string): Reply {
  return { status, html: page };
}

export function redirect(status: 302 | 303, location: string): Reply {
  return { status, headers: { location } };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Problem(413, `request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isForm(headers: IncomingMessage['headers']): boolean {
  return (headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** JSON unless the request says it is a form; an empty body is `undefined`. Malformed JSON is a 400. */
export function parseBody(raw: string, headers: IncomingMessage['headers']): unknown {
  if (isForm(headers)) return Object.fromEntries(new URLSearchParams(raw));
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new Problem(400, `request body is not valid JSON: ${(error as Error).message}`, { body: ['is not valid JSON'] });
  }
}

/** For the request log: the parsed body when it parses, else the raw text. */
export function bodyForLog(raw: string, headers: IncomingMessage['headers']): unknown {
  try {
    return parseBody(raw, headers);
  } catch {
    return raw;
  }
}

export function problemReply(problem: Problem): Reply {
  // 401 has no body in Credyt's spec.
  if (problem.status === 401) return { status: 401, headers: problem.headers };
  return { status: problem.status, json: problem.body(), headers: { 'content-type': 'application/problem+json', ...problem.headers } };
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...reply.headers };
  let payload = '';
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (reply.html !== undefined) {
    payload = reply.html;
    headers['content-type'] ??= 'text/html; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** `?limit=&offset=` paging with Credyt's list shape `{ items, total_count, limit, offset }`. */
export function page<T>(items: readonly T[], query: URLSearchParams, view: (item: T) => unknown = (x) => x): Json {
  const limit = intParam(query, 'limit', 20, 1, 100);
  const offset = intParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return { items: items.slice(offset, offset + limit).map(view), total_count: items.length, limit, offset };
}

function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Problem(400, `${name} must be a whole number from ${min} to ${max}`, { [name]: [`must be a whole number from ${min} to ${max}`] });
  }
  return value;
}
