// The type-check of every plan, per framework, on the sample apps with their real dependencies installed:
// one billable route is given a narrowly typed response, so the naive 402 would not compile. The plan must
// leave that route with the compiler's message (and a marker), gate the others, and leave the app passing
// its own `tsc`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, prepareApp, runCli, typecheck, type AppCopy } from './harness/index.js';

interface Case {
  app: string;
  file: string;
  /** Narrows the route's response type: [text to find, replacement]. */
  narrow: Array<[string, string]>;
}

const CASES: Case[] = [
  {
    app: 'express-ts-esm',
    file: 'src/routes/chat.ts',
    narrow: [
      ["import { Router } from 'express';", "import { Router, type Response } from 'express';"],
      ["chatRouter.post('/', async (req, res) => {", "chatRouter.post('/', async (req, res: Response<{ reply: string } | { error: 'message is required' }>) => {"],
    ],
  },
  {
    app: 'fastify-ts',
    file: 'src/routes/research.ts',
    narrow: [["fastify.post<{ Body: AskBody }>(", "fastify.post<{ Body: AskBody; Reply: { answer: string } }>("]],
  },
  {
    app: 'next-app',
    file: 'src/app/api/summarize/route.ts',
    narrow: [["export async function POST(req: Request) {", "export async function POST(req: Request): Promise<NextResponse<{ blurb: string } | { error: 'Unauthorized' | 'story is required' }>> {"]],
  },
  {
    app: 'next-pages',
    file: 'pages/api/generate.ts',
    narrow: [["type Data = { copy: string } | { error: string };", "type Data = { copy: string } | { error: 'Method not allowed' | 'You must be signed in' | 'Describe the product' };"]],
  },
];

for (const c of CASES) {
  describe(`${c.app}: a gate that would not type-check is left out, with the compiler's message`, () => {
    let app: AppCopy;
    let plan: { skipped: Array<{ path: string; reason: string }>; changes: Array<{ path: string }>; verification?: { newErrors: number; refused: number } };
    let code: number;

    beforeAll(async () => {
      app = await prepareApp(c.app);
      const path = join(app.dir, c.file);
      let text = readFileSync(path, 'utf8');
      for (const [from, to] of c.narrow) {
        if (!text.includes(from)) throw new Error(`${c.file} no longer contains: ${from}`);
        text = text.replace(from, to);
      }
      writeFileSync(path, text);
      await commitAll(app.dir, 'a narrowly typed response');
      const baseline = await typecheck(app);
      if (baseline.code !== 0) throw new Error(`${c.app} does not type-check before the run:\n${baseline.stdout}`);
      expect((await runCli(['init', app.dir, '--yes'], app.dir)).code).toBe(0);
      await commitAll(app.dir, 'billing: config');
      expect((await runCli(['apply', 'client-setup', app.dir, '--yes'], app.dir)).code).toBe(0);
      await commitAll(app.dir, 'billing: client-setup');
      const gates = await runCli(['apply', 'balance-gates', app.dir, '--yes', '--json'], app.dir);
      code = gates.code;
      plan = JSON.parse(gates.stdout) as typeof plan;
    }, 600_000);

    afterAll(async () => app?.cleanup());

    it('refuses that route with the compiler message, gates the others, and reports what it checked', () => {
      expect(code, 'exit code: a manual step is left').toBe(3);
      const refused = plan.skipped.filter((s) => s.path === c.file && /the gate would not type-check|the edit would not type-check/.test(s.reason));
      expect(refused.length, JSON.stringify(plan.skipped, null, 2)).toBeGreaterThan(0);
      expect(refused[0]?.reason).toMatch(/\(TS\d+\)/);
      expect(plan.verification?.refused).toBeGreaterThan(0);
      expect(plan.verification?.newErrors).toBe(0);
      expect(plan.changes.length, 'the other billable routes are gated').toBeGreaterThan(0);
    });

    it("still passes the app's own tsc, with the marker left in the refused route", async () => {
      const result = await typecheck(app);
      expect(result.code, result.stdout).toBe(0);
      expect(readFileSync(join(app.dir, c.file), 'utf8')).toContain('TODO(billing-codemod)');
    }, 300_000);
  });
}
