import { describe, expect, it } from 'vitest';
import { findBillableSites, userAt, type SiteOptions } from '../../src/areas/billable-sites.js';
import { parseSource } from '../../src/ast/parse.js';
import type { BillingConfig } from '../../src/config/types.js';

const config = {
  provider: 'credyt',
  asset: 'USD',
  products: [],
  events: [{ type: 'chat_completion', calls: ['openai:chat.completions.create'], estimate: 0.01 }],
  customers: { onError: 'log' },
  usage: { onError: 'log' },
  gates: { onUnavailable: 'allow', topUpUrl: '/billing' },
  paths: {},
} as BillingConfig;

const ROUTER = `
import OpenAI from 'openai';
import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';

const openai = new OpenAI();
export const chat = Router();

chat.post('/open', async (req, res) => { res.json(await openai.chat.completions.create({ model: 'm', messages: [] })); });

chat.use(requireAuth);

chat.post('/', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'm', messages: [] });
  res.json(await summarize(completion));
});
`;

function sites(code: string, options: Partial<SiteOptions> = {}) {
  const ast = parseSource('src/routes/chat.ts', code);
  return findBillableSites(ast, 'src/routes/chat.ts', { framework: 'express', config, dependencies: ['openai'], ...options });
}

describe('findBillableSites', () => {
  it("puts what a router's use() middleware sets on the request of the routes declared after it", () => {
    const propsOf = (file: string, name: string) => (file === 'src/routes/chat.ts' && name === 'requireAuth' ? ['user'] : []);
    const [open, guarded] = sites(ROUTER, { middlewareProps: propsOf });
    expect(open.handler?.requestProps).toEqual([]);
    expect(guarded.handler?.requestProps).toEqual(['user']);
    expect(userAt(guarded, ROUTER, guarded.call.start ?? 0, { nullSafe: true }).user?.expression).toBe('req.user?.id');
    expect(userAt(open, ROUTER, open.call.start ?? 0, { nullSafe: true }).user).toBeNull();
  });

  it('reports extra calls as sites standing for the billable call they make, in source order', () => {
    const found = sites(ROUTER, {
      extraCalls: (call) => (call.callee.type === 'Identifier' && call.callee.name === 'summarize' ? { provider: 'openai', call: 'chat.completions.create', reason: 'helper' } : null),
    });
    expect(found.map((s) => [s.call.loc?.start.line, s.match.reason.startsWith('client') ? 'sdk' : s.match.reason])).toEqual([
      [9, 'sdk'],
      [14, 'sdk'],
      [15, 'helper'],
    ]);
    expect(found[2].event?.type).toBe('chat_completion');
  });
});
