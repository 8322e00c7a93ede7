import { describe, expect, it } from 'vitest';
import type * as t from '@babel/types';
import { parseSource } from '../../src/ast/parse.js';
import { isFunction, type FunctionNode } from '../../src/ast/nodes.js';
import { findAll } from '../../src/ast/walk.js';
import { parseConfig } from '../../src/config/load.js';
import { findUserCreations } from '../../src/detect/user-creation.js';
import type { PackageInfo } from '../../src/detect/types.js';
import { locateCreatedUser, type CreatedUser } from '../../src/areas/customers/created-user.js';
import { customerArgument, customerCall } from '../../src/areas/customers/customer-call.js';
import { fixedFeeProducts, noSignupStep, storeIdNote } from '../../src/areas/customers/notes.js';
import { nodeText, withProperty } from '../../src/ast/object-text.js';
import { hookTarget } from '../../src/areas/customers/targets.js';
import { DEFAULT_STYLE } from '../../src/ast/style.js';
import { fixtureSuite } from '../helpers/fixtures.js';

fixtureSuite('customers');

const style = DEFAULT_STYLE;

describe('withProperty: adds a property in the object own layout', () => {
  it('one line, with and without a trailing comma, and empty', () => {
    expect(withProperty('{ user }', 'paymentUrl: url', style)).toBe('{ user, paymentUrl: url }');
    expect(withProperty('{ a: 1, }', 'b: 2', style)).toBe('{ a: 1, b: 2, }');
    expect(withProperty('{}', 'b: 2', style)).toBe('{ b: 2 }');
  });

  it('several lines: at the properties indentation, keeping the trailing-comma habit', () => {
    expect(withProperty('{\n  a: 1,\n  b: 2,\n}', 'c: 3', style)).toBe('{\n  a: 1,\n  b: 2,\n  c: 3,\n}');
    expect(withProperty('{\n    a: 1\n  }', 'c: 3', style)).toBe('{\n    a: 1,\n    c: 3\n  }');
    expect(withProperty('{\n  a: 1,\n}', 'hook() {\n  go();\n}', style)).toBe('{\n  a: 1,\n  hook() {\n    go();\n  },\n}');
  });

  it('follows the file style and gives up before a trailing comment', () => {
    expect(withProperty('{ a }', "b: 'x'", { quote: '"', semi: false, indent: '    ' })).toBe('{ a, b: "x" }');
    expect(withProperty('{\n  a: 1, // first\n}', 'b: 2', style)).toBeNull();
    expect(withProperty('{\n  a: 1,\n  // more to come\n}', 'b: 2', style)).toBeNull();
  });

  it('nodeText takes the starting line indentation off the later lines', () => {
    const source = 'const x = {\n  events: {\n    a: 1,\n  },\n};\n';
    const start = source.indexOf('{', source.indexOf('events'));
    expect(nodeText(source, { start, end: source.indexOf('}', start) + 1 })).toBe('{\n  a: 1,\n}');
  });
});

describe('customerCall', () => {
  it('uses shorthand for locals named like the field and leaves out what the code does not have', () => {
    expect(customerArgument({ externalId: 'user.id', email: 'email', name: null })).toBe('{ externalId: user.id, email }');
    expect(customerCall('billing', { externalId: 'id', email: null, name: 'name' }, 'keep', 'customer2')).toBe(
      'const customer2 = await billing.ensureCustomer({ externalId: id, name });',
    );
    expect(customerCall('b', { externalId: 'u.id', email: null, name: null }, 'void')).toBe('void b.ensureCustomer({ externalId: u.id });');
  });
});

/** Locates the user created in the first function of `code`. */
function locate(code: string): CreatedUser {
  const ast = parseSource('handler.ts', code);
  const [fn] = findAll(ast.program, isFunction) as Array<{ node: FunctionNode; ancestors: t.Node[] }>;
  const [creation] = findUserCreations(fn.node, fn.ancestors);
  if (!creation) throw new Error('no creation recognised');
  return locateCreatedUser(creation, fn.node, code, () => 'user1');
}

const fieldsOf = (result: CreatedUser) => (result.ok ? result.fields : result.reason);

describe('locateCreatedUser', () => {
  it('reads the id from the binding: a variable, an array pattern, an object pattern', () => {
    expect(fieldsOf(locate('async function h(req) { const user = await prisma.user.create({ data: { email: req.body.email } }); }'))).toEqual({
      externalId: 'user.id',
      email: 'user.email',
      name: null,
    });
    expect(fieldsOf(locate('async function h(b) { const [row] = await db.insert(users).values({ name: b.name }).returning(); }'))).toEqual({
      externalId: 'row.id',
      email: null,
      name: 'row.name',
    });
    expect(fieldsOf(locate('async function h(input) { const { id: userId, email } = await createUser(input); }'))).toEqual({ externalId: 'userId', email: 'email', name: null });
  });

  it('a service call is trusted for its id only; email and name come from reads or locals', () => {
    const code = 'async function h(req) { const { email, name } = req.body; const account = await createAccount({ email, name }); return account.name; }';
    expect(fieldsOf(locate(code))).toEqual({ externalId: 'account.id', email: 'email', name: 'account.name' });
  });

  it('follows the code own reads through a wrapper result, and knows the auth SDK shapes', () => {
    expect(fieldsOf(locate('async function h() { const result = await auth.api.signUpEmail({ body }); }'))).toEqual({ externalId: 'result.user.id', email: 'result.user.email', name: null });
    expect(fieldsOf(locate('async function h() { const { data } = await supabase.auth.signUp(creds); }'))).toEqual({ externalId: 'data.user?.id', email: 'data.user?.email', name: null });
    expect(fieldsOf(locate('async function h() { const r = await registerUser(x); log(r.profile.uid); }'))).toEqual({ externalId: 'r.profile.uid', email: null, name: null });
  });

  it('places the call in a Node-style or .then callback that receives the user', () => {
    const node = locate('function h(req, res) { createUser(req.body, function (err, user) { if (err) throw err; res.json(user); }); }');
    expect(node.ok && node.placement.at).toBe('callback');
    expect(fieldsOf(node)).toMatchObject({ externalId: 'user.id' });
    const then = locate('function h() { return createUser(x).then((created) => created); }');
    expect(then.ok && then.placement.at).toBe('callback');
    expect(fieldsOf(then)).toMatchObject({ externalId: 'created.id' });
    expect(fieldsOf(locate('function h() { createUser(x, (err) => done(err)); }'))).toMatch(/does not receive the new user/);
  });

  it('keeps an awaited or returned result in a new local, and refuses the unsafe shapes', () => {
    const awaited = locate('async function h() { await prisma.user.create({ data: { email } }); }');
    expect(awaited.ok && awaited.placement.at).toBe('keep');
    expect(fieldsOf(awaited)).toEqual({ externalId: 'user1.id', email: 'user1.email', name: null });
    const returned = locate('async function h() { return prisma.user.create({ data: {} }); }');
    expect(returned.ok && returned.placement.at).toBe('keep');
    expect(fieldsOf(locate('function h() { prisma.user.create({ data: {} }); }'))).toMatch(/neither kept nor awaited/);
    expect(fieldsOf(locate('async function h(res) { res.json(await prisma.user.create({ data: {} })); }'))).toMatch(/not kept in a variable/);
    expect(fieldsOf(locate('async function h() { const [u] = await db.insert(users).values(v); }'))).toMatch(/does not return the new row/);
  });

  it('passes fields the creation data may leave null as they are (the billing module takes null)', () => {
    const found = locate('async function h(b) { const user = await prisma.user.create({ data: { email: b.email, name: b.name ?? null } }); }');
    expect(fieldsOf(found)).toEqual({ externalId: 'user.id', email: 'user.email', name: 'user.name' });
  });

  it('uses the saved or stored object for save() and push()', () => {
    expect(fieldsOf(locate('async function h() { const user = new User({ email, name }); await user.save(); }'))).toEqual({ externalId: 'user.id', email: 'user.email', name: 'user.name' });
    expect(fieldsOf(locate('function h(user) { users.push(user); }'))).toMatchObject({ externalId: 'user.id' });
  });
});

describe('targets', () => {
  it('gives next-auth without an adapter no target, with the reason', () => {
    const ast = parseSource('auth.ts', "import NextAuth from 'next-auth';\nexport default NextAuth({ providers: [] });\n");
    const config = findAll(ast.program, (n): n is t.ObjectExpression => n.type === 'ObjectExpression')[0].node;
    const hook = { library: 'next-auth' as const, file: 'auth.ts', config, configAncestors: [], hook: null, line: 2, createsUsers: false };
    expect(hookTarget(hook)).toEqual({ skip: expect.stringContaining('has no adapter') });
    expect(hookTarget({ ...hook, createsUsers: true })).toMatchObject({ file: 'auth.ts', target: { kind: 'next-auth', start: config.start } });
  });
});

describe('notes', () => {
  const config = (products: unknown) => parseConfig(JSON.stringify({ provider: 'credyt', asset: 'USD', products, events: [] }), 'billing.config.json');
  const fixed = { name: 'Fee', type: 'fixed', billing_model: { type: 'recurring', recurring: { interval: 'month' } }, pricing: [{ asset: 'USD', values: [{ unit_price: 9 }] }] };

  it('fixed fees are recurring fixed prices only', () => {
    expect(fixedFeeProducts(config([{ code: 'usage' }, { code: 'pro', prices: [fixed] }]))).toEqual(['pro']);
    expect(fixedFeeProducts(config([{ code: 'once', prices: [{ ...fixed, billing_model: { type: 'real_time' } }] }]))).toEqual([]);
  });

  it('shows how to keep the Credyt id for the ORM the app uses, and none without one', () => {
    const info = (dependencies: string[]) => ({ dependencies }) as unknown as PackageInfo;
    expect(storeIdNote(info(['@prisma/client']))).toMatch(/billingCustomerId String\? @unique/);
    expect(storeIdNote(info(['drizzle-orm']))).toMatch(/db\.update\(users\)/);
    expect(storeIdNote(info(['mongoose']))).toMatch(/User\.updateOne/);
    expect(storeIdNote(info(['express']))).toBeNull();
  });

  it('the no-signup step names the config field with a path in the app own layout', () => {
    const step = noSignupStep({ framework: 'next', srcDir: true, language: 'ts' } as PackageInfo);
    expect(step.message).toMatch(/customers\.signup/);
    expect(step.snippet).toContain('"file": "src/app/actions.ts"');
  });
});
