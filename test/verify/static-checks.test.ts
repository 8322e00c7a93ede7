// verify's static checks on the sample apps after every area (all pass), and on copies with each kind of gap.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeChanges } from '../../src/apply/write.js';
import { configOf, openWorkspace, planArea, selectPackage } from '../../src/areas/run.js';
import { AREAS, findArea } from '../../src/areas/registry.js';
import { configFromDetection } from '../../src/config/from-detection.js';
import { staticChecks, type Check } from '../../src/verify/static-checks.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of a sample app with init and every area written, as a person would after reviewing each diff. */
async function integrated(name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `verify-${name}-`));
  made.push(dir);
  cpSync(join(EXAMPLES, name), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const ws = await openWorkspace(dir);
  writeFileSync(join(dir, 'billing.config.json'), `${JSON.stringify(configFromDetection(selectPackage(ws).info), null, 2)}\n`);
  for (const area of AREAS) {
    const fresh = await openWorkspace(dir);
    const pkg = selectPackage(fresh);
    writeChanges(dir, (await planArea(await area.load(), fresh, pkg, configOf(fresh, pkg), { verify: false })).changes);
  }
  return dir;
}

async function checksOf(dir: string, strict = false): Promise<Record<string, Check>> {
  const ws = await openWorkspace(dir);
  const pkg = selectPackage(ws);
  return Object.fromEntries((await staticChecks(ws, pkg, configOf(ws, pkg), strict)).map((c) => [c.name, c]));
}

describe('verify on the sample apps after every area', () => {
  for (const name of ['express-ts-esm', 'express-js-cjs', 'fastify-ts', 'next-app', 'next-pages']) {
    it(`${name}: every check passes`, async () => {
      const checks = await checksOf(await integrated(name));
      const failed = Object.values(checks).filter((c) => c.status === 'fail');
      expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
      expect(Object.values(checks).filter((c) => c.status === 'skip')).toEqual([]);
    }, 120_000);
  }
});

describe('verify finds each kind of gap', () => {
  it('a billable call added later without billing: not metered, not gated, at its file and line', async () => {
    const dir = await integrated('express-ts-esm');
    const chat = join(dir, 'src/routes/chat.ts');
    const added = "\nchatRouter.post('/chat/again', requireAuth, async (req, res) => {\n  const again = await openai.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: 'user', content: String(req.body.message) }] });\n  res.json({ reply: again.choices[0]?.message.content });\n});\n";
    writeFileSync(chat, readFileSync(chat, 'utf8') + added);
    const lineOf = (text: string) => readFileSync(chat, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
    const checks = await checksOf(dir);
    // The event goes after the call; the gate at the start of the handler that makes it.
    expect(checks['billable calls metered']).toMatchObject({ status: 'fail', locations: [{ path: 'src/routes/chat.ts', line: lineOf('const again =') }] });
    expect(checks['billable calls gated']).toMatchObject({ status: 'fail', locations: [{ path: 'src/routes/chat.ts', line: lineOf("'/chat/again'") }] });
    expect(checks['customers created at signup']!.status).toBe('pass');
  }, 120_000);

  it('an exported route handler added later (a Next.js POST): named at its own line, not line 0', async () => {
    const dir = await integrated('next-app');
    const route = 'src/app/api/tagline/route.ts';
    const text = "import { generateText } from 'ai';\nimport { NextResponse } from 'next/server';\nimport { openai, STORY_MODEL } from '@/lib/ai';\nimport { getSession } from '@/lib/session';\n\n// A tagline for a story.\nexport async function POST(req: Request) {\n  const session = await getSession();\n  if (!session) {\n    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });\n  }\n  const { story } = (await req.json()) as { story: string };\n  const { text } = await generateText({ model: openai(STORY_MODEL), prompt: story });\n  return NextResponse.json({ tagline: text });\n}\n";
    mkdirSync(join(dir, 'src/app/api/tagline'), { recursive: true });
    writeFileSync(join(dir, route), text);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const checks = await checksOf(dir);
    expect(checks['billable calls metered']).toMatchObject({ status: 'fail', locations: [{ path: route, line: lineOf('await generateText') }] });
    // recast drops the location of the declaration an export holds: the handler's line is read from its name.
    expect(checks['billable calls gated']).toMatchObject({ status: 'fail', locations: [{ path: route, line: lineOf('export async function POST') }] });
  }, 120_000);

  it('browser code importing the billing module, an env example without the key, a webhook module that stopped verifying', async () => {
    const dir = await integrated('next-app');
    writeFileSync(join(dir, 'src/app/credits-badge.tsx'), "'use client';\nimport { billing } from '@/lib/billing';\n\nexport function CreditsBadge() {\n  return <span>{typeof billing}</span>;\n}\n");
    const envFile = ['.env.example', '.env.local.example', '.env.sample'].map((f) => join(dir, f)).find((f) => { try { return readFileSync(f, 'utf8').includes('CREDYT_API_KEY'); } catch { return false; } })!;
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace(/^CREDYT_API_KEY=.*$/m, ''));
    const webhooks = join(dir, 'src/lib/billing-webhooks.ts');
    writeFileSync(webhooks, readFileSync(webhooks, 'utf8').replaceAll('verifyWebhook(', 'skipVerification('));
    const checks = await checksOf(dir);
    expect(checks['billing module only in server code']).toMatchObject({ status: 'fail', locations: [{ path: 'src/app/credits-badge.tsx' }] });
    expect(checks['env example names the keys']!.status).toBe('fail');
    expect(checks['webhooks verify signatures']).toMatchObject({ status: 'fail', detail: expect.stringContaining('no longer calls verifyWebhook') });
  }, 120_000);

  it('a site left to a person passes as accepted, and fails with --strict', async () => {
    const dir = await integrated('express-ts-esm');
    const chat = join(dir, 'src/routes/chat.ts');
    // A stream handed on to the client untouched: its usage cannot be read, so the site is left to a person.
    const added = "\nchatRouter.post('/chat/piped', requireAuth, async (req, res) => {\n  const stream = await openai.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: 'user', content: String(req.body.message) }], stream: true });\n  res.json(stream.toReadableStream());\n});\n";
    writeFileSync(chat, readFileSync(chat, 'utf8') + added);
    const ws = await openWorkspace(dir);
    const pkg = selectPackage(ws);
    writeChanges(dir, (await planArea((await findArea('usage-events'))!, ws, pkg, configOf(ws, pkg), { verify: false })).changes);
    expect(readFileSync(chat, 'utf8')).toContain('TODO(billing-codemod)');
    expect((await checksOf(dir))['billable calls metered']).toMatchObject({ status: 'pass', detail: expect.stringContaining('left to a person') });
    expect((await checksOf(dir, true))['billable calls metered']!.status).toBe('fail');
  }, 120_000);
});
