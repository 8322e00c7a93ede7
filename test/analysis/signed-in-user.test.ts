import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/ast/walk.js';
import { isFunction, type FunctionNode } from '../../src/ast/nodes.js';
import { parseSource } from '../../src/ast/parse.js';
import { findSignedInUser, idPathsIn, type UserSearch } from '../../src/analysis/signed-in-user.js';

/** The user found in the first function of `code`, at the `// here` marker. */
function userIn(code: string, role: UserSearch['role'], extra: Partial<UserSearch> = {}): string | null {
  const ast = parseSource('a.ts', code);
  const [fn] = findAll(ast.program, isFunction);
  const before = code.indexOf('// here');
  return findSignedInUser({ fn: fn.node as FunctionNode, role, before: before === -1 ? code.length : before, text: code, ...extra })?.expression ?? null;
}

describe('findSignedInUser', () => {
  it('reuses the id the Express handler already reads, as written', () => {
    expect(userIn('app.post("/x", async (req, res) => { // here\n await save(req.user!.id); });', 'express')).toBe('req.user!.id');
    expect(userIn('app.post("/x", async (request, reply) => { // here\n log(request.session.userId); });', 'fastify')).toBe('request.session.userId');
    expect(userIn('r.post("/x", (req, res) => { // here\n res.json(res.locals.user.id); });', 'express')).toBe('res.locals.user.id');
  });

  it('uses the user object the handler reads, or what middleware sets, or passport', () => {
    expect(userIn('r.post("/x", (req, res) => { audit(req.user); // here\n });', 'express')).toBe('req.user.id');
    expect(userIn('r.post("/x", (req, res) => { // here\n });', 'express', { requestProps: ['user'] })).toBe('req.user.id');
    expect(userIn('r.post("/x", (req, res) => { // here\n });', 'express', { passport: true })).toBe('req.user.id');
    expect(userIn('r.post("/x", (req, res) => { // here\n });', 'express')).toBeNull();
  });

  it('finds session and user getters declared before the site in Next.js handlers', () => {
    expect(userIn('export async function POST() { const session = await auth(); if (!session) return 1; // here\n }', 'next')).toBe('session.user.id');
    expect(userIn('export async function POST() { const s = await getSession(); if (!s?.userId) return 1; // here\n }', 'next')).toBe('s?.userId');
    expect(userIn('export async function POST() { const { userId } = await auth(); // here\n }', 'next')).toBe('userId');
    expect(userIn('export async function POST() { const user = await currentUser(); // here\n }', 'next')).toBe('user.id');
    expect(userIn('export async function POST() { const { data: { user } } = await supabase.auth.getUser(); // here\n }', 'next')).toBe('user.id');
  });

  it('ignores a session read only after the site', () => {
    expect(userIn('export async function POST() { // here\n const session = await auth(); }', 'next')).toBeNull();
  });

  it('takes a user id parameter in helpers, never an unrelated id', () => {
    expect(userIn('async function summarize(text: string, userId: string) { // here\n }', 'helper')).toBe('userId');
    expect(userIn('async function summarize({ text, accountId }: Args) { // here\n }', 'helper')).toBe('accountId');
    expect(userIn('async function summarize(text: string, id: string) { // here\n }', 'helper')).toBeNull();
  });

  it('writes the ids it makes up with ?. when asked (apps type the request user as optional)', () => {
    expect(userIn('r.post("/x", (req, res) => { // here\n });', 'express', { requestProps: ['user'], nullSafe: true })).toBe('req.user?.id');
    expect(userIn('r.post("/x", (req, res) => { // here\n });', 'express', { passport: true, nullSafe: true })).toBe('req.user?.id');
    // What the handler itself writes is copied as is.
    expect(userIn('r.post("/x", (req, res) => { log(req.user!.id); // here\n });', 'express', { requestProps: ['user'], nullSafe: true })).toBe('req.user!.id');
  });

  it('uses the id path the app reads elsewhere for a session it only checks here', () => {
    const code = 'export async function POST() { const session = await getSession(); if (!session) return 1; // here\n }';
    expect(userIn(code, 'next')).toBe('session.user.id');
    expect(userIn(code, 'next', { idPaths: { getSession: 'userId' } })).toBe('session.userId');
  });

  it("trusts a wrapped server action's user parameter, never a plain action's", () => {
    const wrapped = 'export const act = withUser(schema, async (data, formData, user) => { // here\n });';
    expect(userIn(wrapped, 'next', { wrapped: true })).toBe('user.id');
    expect(userIn(wrapped, 'next')).toBeNull();
    expect(userIn('export async function act(userId: string) { // here\n }', 'next', { wrapped: true })).toBeNull();
  });
});

describe('idPathsIn', () => {
  it('learns, per getter, the id path read off its result', () => {
    const me = parseSource('a.ts', 'export async function GET() { const session = await getSession(); return Response.json({ id: session?.userId }); }');
    const page = parseSource('b.ts', 'export default async function Page() { const user = await currentUser(); return user.user_id; }');
    const other = parseSource('c.ts', 'export async function GET() { const s = await getSession(); return s.expiresAt; }');
    expect(idPathsIn([other, me, page])).toEqual({ getSession: 'userId', currentUser: 'user_id' });
  });
});
