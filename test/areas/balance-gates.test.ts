import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/ast/parse.js';
import { isFunction, type FunctionNode } from '../../src/ast/nodes.js';
import { findAll } from '../../src/ast/walk.js';
import { runTransform } from '../../src/ast/transform.js';
import { isCall } from '../../src/detect/billable-calls.js';
import { refusalStatement } from '../../src/frameworks/responses.js';
import { formatEstimate, gateCode, sumEstimates } from '../../src/areas/gates/gate-code.js';
import { customerExpression } from '../../src/areas/gates/customer.js';
import { freeNameIn } from '../../src/areas/gates/names.js';
import { checkBalanceBefore, gatePoint, responseStartedBefore } from '../../src/areas/gates/placement.js';
import { exportNamesOf, helperCallsIn, mentionsHelper, type HelperRef } from '../../src/areas/helper-calls.js';
import type { BillingConfig } from '../../src/config/types.js';
import balanceGates, { type BalanceGatesOptions } from '../../transforms/balance-gates.js';
import { fixtureSuite } from '../helpers/fixtures.js';

fixtureSuite('balance-gates');

/** The first function of `code` and every call named `name` in it, with ancestors from the program down. */
function parse(code: string, name = 'ai') {
  const ast = parseSource('a.ts', code);
  const [fn] = findAll(ast.program, isFunction);
  const calls = findAll(ast.program, (n) => isCall(n) && n.callee.type === 'Identifier' && n.callee.name === name).map((c) => ({ call: c.node, ancestors: c.ancestors }));
  return { ast, code, fn: fn.node as FunctionNode, fnAncestors: fn.ancestors, calls };
}

/** The source text of the statement a gate would go before. */
function gateBefore(code: string): string {
  const { fn, calls } = parse(code);
  const point = gatePoint(fn, calls);
  if ('reason' in point) return `reason: ${point.reason}`;
  return code.slice(point.start, code.indexOf('\n', point.start) === -1 ? undefined : code.indexOf('\n', point.start)).trim();
}

describe('gatePoint', () => {
  it('goes before the statement holding the call, after what comes earlier', () => {
    expect(gateBefore('async function h(req) {\n  if (!req.ok) return 400;\n  const x = await ai();\n  return x;\n}')).toBe('const x = await ai();');
  });

  it('goes before the first of several calls, in the block that holds them all', () => {
    expect(gateBefore('async function h(req) {\n  validate(req);\n  const a = await ai();\n  const b = await ai(a);\n}')).toBe('const a = await ai();');
    expect(gateBefore('async function h(req) {\n  if (req.kind) {\n    await ai(1);\n  } else {\n    await ai(2);\n  }\n}')).toBe('if (req.kind) {');
  });

  it('gates a call in a callback before the call that takes the callback, and a call in a loop before the loop', () => {
    expect(gateBefore('async function h(req) {\n  const all = await Promise.all(req.items.map(async (i) => ai(i)));\n}')).toBe('const all = await Promise.all(req.items.map(async (i) => ai(i)));');
    expect(gateBefore('async function h(req) {\n  const out = [];\n  for (const i of req.items) {\n    out.push(await ai(i));\n  }\n}')).toBe('for (const i of req.items) {');
  });

  it('gates a function declared in the handler where it is called, and refuses one it cannot see called', () => {
    expect(gateBefore('async function h(req) {\n  async function go() { return ai(); }\n  check(req);\n  return go();\n}')).toBe('return go();');
    expect(gateBefore('async function h(req) {\n  const go = async () => ai();\n  register(go);\n}')).toMatch(/^reason: the call runs in `go` declared inside the handler/);
  });
});

describe('checkBalanceBefore and responseStartedBefore', () => {
  it('sees an existing balance check only before the gate position', () => {
    const code = 'async function h(req) {\n  const b = await billing.checkBalance({});\n  await ai();\n}';
    const { fn } = parse(code);
    expect(checkBalanceBefore(fn, code.indexOf('await ai'))).toBe(true);
    expect(checkBalanceBefore(fn, code.indexOf('const b'))).toBe(false);
  });

  it('finds a write that starts the response, but not one in a callback that runs later', () => {
    const code = 'async function h(req, res) {\n  stream.on("data", (c) => res.write(c));\n  res.write("hi");\n  await ai();\n}';
    const { fn } = parse(code);
    expect(responseStartedBefore(fn, 'res', code.indexOf('await ai'))).toMatchObject({ text: 'res.write()', line: 3 });
    expect(responseStartedBefore(fn, 'res', code.indexOf('res.write("hi")'))).toBeNull();
    expect(responseStartedBefore(fn, null, code.length)).toBeNull();
  });
});

describe('customerExpression', () => {
  const at = (code: string) => {
    const { fn } = parse(code);
    return (expression: string) => customerExpression(expression, code, fn, code.indexOf('await ai'));
  };

  it("keeps the app's own spelling, and guards one the tool made up where a step may be missing", () => {
    const checked = at('async function h(req) {\n  const session = await getServerSession();\n  if (!session) return 401;\n  await ai(session.user!.id);\n}');
    expect(checked('session.user!.id')).toBe('session.user!.id');
    expect(checked('session.user.id')).toBe('session.user?.id');
    expect(checked('req.user.id')).toBe('req.user?.id');
    const unchecked = at('async function h(req) {\n  const session = await getServerSession();\n  await ai();\n}');
    expect(unchecked('session.user.id')).toBe('session?.user?.id');
    expect(unchecked('userId')).toBe('userId');
  });
});

describe('freeNameIn', () => {
  const code = [
    "import { balance as ledger } from './ledger';",
    'const shared = 1;',
    'app.post("/a", async (req, res) => { const balance = 1; await ai(); });',
    'app.post("/b", async (req, res) => { await ai(); });',
  ].join('\n');
  const ast = parseSource('a.ts', code);
  const fns = findAll(ast.program, isFunction);

  it('avoids names of the handler and of the scopes around it, not those of other handlers', () => {
    expect(freeNameIn('balance', fns[0].node, fns[0].ancestors)).toBe('balance2');
    expect(freeNameIn('balance', fns[1].node, fns[1].ancestors)).toBe('balance');
    expect(freeNameIn('shared', fns[1].node, fns[1].ancestors)).toBe('shared2');
    expect(freeNameIn('ledger', fns[1].node, fns[1].ancestors)).toBe('ledger2');
    expect(freeNameIn('balance', fns[1].node, fns[1].ancestors, ['balance'])).toBe('balance2');
  });
});

describe('gate code', () => {
  it('sums estimates without float noise', () => {
    expect(sumEstimates([0.1, 0.2])).toBe(0.3);
    expect(sumEstimates([0.01, 0.04, Number.NaN])).toBe(0.05);
    expect(formatEstimate(1e-7)).toBe('1e-7');
  });

  it('writes the check and the refusal', () => {
    const code = gateCode({ balance: 'balance', billing: 'billing', user: 'req.user?.id', estimate: 0.02, refusal: (body) => `return res.status(402).json(${body});` });
    expect(code).toBe(
      'const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.02 });\nif (!balance.allowed) return res.status(402).json(balance.body);',
    );
  });

  it('answers 402 through a response parameter the caller adds, and through NextResponse under its local name', () => {
    const fn = parse('app.post("/x", async (request) => { await ai(); });').fn;
    expect(refusalStatement({ role: 'fastify', fn }, 'b', 'm')).toBeNull();
    expect(refusalStatement({ role: 'fastify', fn, responseParam: 'reply' }, 'b', 'm')).toBe('return reply.code(402).send(b);');
    expect(refusalStatement({ role: 'next-route', fn, usesNextResponse: true, nextResponseName: 'NR' }, 'b', 'm')).toBe('return NR.json(b, { status: 402 });');
  });
});

describe('helper calls', () => {
  const helper = (file: string, localName: string | null, exportNames: string[]): HelperRef => ({ file, start: 0, localName, exportNames });

  it('finds calls through named, default, namespace and require imports', () => {
    const code = [
      "import { summarize } from './svc/summarize';",
      "import draw from './svc/draw';",
      "import * as tr from './svc/translate';",
      "const { tag } = require('./svc/tag');",
      "const legacy = require('./svc/legacy');",
      'summarize(a); draw(b); tr.translate(c); tag(d); legacy(e); legacy.other(f); unrelated(g);',
    ].join('\n');
    const resolve = (_from: string, spec: string) => `src/${spec.slice(2)}.ts`;
    const helpers = [
      helper('src/svc/summarize.ts', 'summarize', ['summarize']),
      helper('src/svc/draw.ts', 'draw', ['default']),
      helper('src/svc/translate.ts', 'translate', ['translate']),
      helper('src/svc/tag.ts', 'tag', ['tag']),
      helper('src/svc/legacy.ts', 'legacy', ['default']),
    ];
    const calls = helperCallsIn(parseSource('src/a.ts', code), 'src/a.ts', helpers, resolve);
    expect(calls.map((c) => code.slice(c.call.start ?? 0, c.call.end ?? 0))).toEqual(['summarize(a)', 'draw(b)', 'tr.translate(c)', 'tag(d)', 'legacy(e)']);
  });

  it('counts a local helper called in its own file, but not a recursive call', () => {
    const code = 'async function walk(n) { return n ? walk(n - 1) : ai(); }\napp.post("/x", async () => walk(3));';
    const ast = parseSource('a.ts', code);
    const start = findAll(ast.program, isFunction)[0].node.start ?? 0;
    const calls = helperCallsIn(ast, 'a.ts', [{ file: 'a.ts', start, localName: 'walk', exportNames: [] }], () => null);
    expect(calls.map((c) => code.slice(c.call.start ?? 0, c.call.end ?? 0))).toEqual(['walk(3)']);
  });

  it('knows every name a module exports a function under, and which files may mention it', () => {
    const ast = parseSource('svc.js', 'async function summarize() {}\nmodule.exports = { summarize, summarise: summarize };');
    const fn = findAll(ast.program, isFunction)[0].node as FunctionNode;
    expect(exportNamesOf(ast, fn).sort()).toEqual(['summarise', 'summarize']);
    const h = helper('src/services/summarize.js', 'summarize', ['default']);
    expect(mentionsHelper("const s = require('../services/summarize')", h)).toBe(true);
    expect(mentionsHelper("const s = require('../services/other')", { ...h, localName: null })).toBe(false);
  });
});

describe('the transform on its own', () => {
  const config = {
    provider: 'credyt',
    asset: 'USD',
    products: [],
    events: [{ type: 'chat', calls: ['openai:chat.completions.create'], estimate: 0.01 }],
    customers: { onError: 'log' },
    usage: { onError: 'log' },
    gates: { onUnavailable: 'allow', topUpUrl: '/billing' },
    paths: {},
  } as BillingConfig;
  const source = [
    "import OpenAI from 'openai';",
    'const openai = new OpenAI();',
    'app.post("/chat", async (req: any, res: any) => {',
    '  const done = await openai.chat.completions.create({ model: "m", messages: [] });',
    '  res.json(done);',
    '});',
    '',
  ].join('\n');

  const options: BalanceGatesOptions = { framework: 'express', config, billing: { source: './billing.js', name: 'billing' } };

  it('gates a file with only its own facts, and reports what it could not do', () => {
    const ok = runTransform(balanceGates, 'src/app.ts', source, { ...options, passport: true });
    expect(ok.output).toContain('const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });');
    expect(ok.output).toContain("import { billing } from './billing.js';");
    const noUser = runTransform(balanceGates, 'src/app.ts', source, options);
    expect(noUser.skipped.map((s) => s.reason)).toEqual(['no balance check for openai:chat.completions.create in POST /chat: no signed-in user before this point: the request handler reads no session or user (such as req.user, auth(), getServerSession()), takes none as a parameter, and no middleware on its route sets one']);
    expect(noUser.manual).toHaveLength(1);
    expect(noUser.output).toContain('// TODO(billing-codemod): check the balance before this');
  });

  it('leaves a file without billable calls alone', () => {
    const out = runTransform(balanceGates, 'src/app.ts', 'app.get("/", (req: any, res: any) => res.send("hi"));\n', options);
    expect(out).toEqual({ output: null, skipped: [], manual: [], notes: [], sites: [] });
  });
});
