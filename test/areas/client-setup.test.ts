import { describe, expect, it } from 'vitest';
import { planEnvExample } from '../../src/areas/client-setup/env-example.js';
import { planGitignore } from '../../src/areas/client-setup/gitignore.js';
import { planModuleFile, serverOnlyFor } from '../../src/areas/client-setup/module-file.js';
import { parseConfig } from '../../src/config/load.js';
import type { PackageInfo } from '../../src/detect/types.js';
import { fixtureSuite } from '../helpers/fixtures.js';

fixtureSuite('client-setup');

const config = parseConfig(JSON.stringify({ provider: 'credyt', asset: 'USD', products: [{ code: 'ai_usage' }], events: [] }), 'billing.config.json');
const info = { path: '.', framework: 'express', language: 'ts', module: 'esm', dependencies: [], envFiles: [] } as unknown as PackageInfo;
const files = (map: Record<string, string>) => (p: string) => map[p] ?? null;

describe('env example', () => {
  it('adds only the variables that are missing, never a value', () => {
    const plan = planEnvExample({ ...info, envFiles: ['.env.example'] }, config, files({ '.env.example': 'PORT=3000\n' }));
    expect(plan.change?.after).toBe('PORT=3000\n\n# Credyt billing (added by billing-codemod): the API key from the Credyt dashboard, server-side only.\nCREDYT_API_KEY=\n# Point at a local sandbox to try billing offline: npx billing-codemod sandbox\n# CREDYT_API_URL=http://127.0.0.1:4010\n');
    expect(plan.env).toEqual([{ name: 'CREDYT_API_KEY', file: '.env.example' }]);
    expect(planEnvExample({ ...info, envFiles: ['.env.example'] }, config, files({ '.env.example': 'CREDYT_API_KEY=\n' })).change).toBeNull();
  });

  it('adds APP_URL when the config has relative return URLs', () => {
    const relative = { ...config, customers: { ...config.customers, returnUrl: '/welcome' } };
    const plan = planEnvExample(info, relative, files({}));
    expect(plan.change?.action).toBe('create');
    expect(plan.env.map((e) => e.name)).toEqual(['CREDYT_API_KEY', 'APP_URL']);
  });
});

describe('.gitignore', () => {
  it('leaves a .gitignore that already ignores every env variant but the example file', () => {
    expect(planGitignore('.', files({ '.gitignore': '.env\n.env.*\n!.env.example\n' }), '.env.example').change).toBeNull();
    expect(planGitignore('apps/api', files({ '.gitignore': '.env*\n!.example.env\n' }), '.example.env').change).toBeNull();
  });

  it('adds only the missing patterns: every .env.* variant (.env.production too), never the example file', () => {
    const change = planGitignore('.', files({ '.gitignore': 'node_modules\n.env\n' }), '.env.example').change;
    expect(change?.after).toBe('node_modules\n.env\n\n# Local env files hold secrets such as CREDYT_API_KEY (added by billing-codemod)\n.env.*\n!.env.example\n');
  });

  it("lets the app's own example file name through an existing .env* rule", () => {
    const change = planGitignore('.', files({ '.gitignore': '.env*\n' }), '.env.sample').change;
    expect(change?.after).toBe('.env*\n\n# Local env files hold secrets such as CREDYT_API_KEY (added by billing-codemod)\n!.env.sample\n');
  });

  it('says that an env file git tracks is not protected by ignoring it, with the step that untracks it', () => {
    const { tracked } = planGitignore('apps/api', files({ '.gitignore': '.env\n.env.*\n!.env.example\n' }), '.env.example', ['.env', '.env.example']);
    expect(tracked).toEqual([
      {
        path: 'apps/api/.env',
        message: 'apps/api/.env is tracked by git, so ignoring it does nothing: untrack it (git rm --cached apps/api/.env), commit, and rotate any key it held',
        snippet: 'git rm --cached apps/api/.env',
      },
    ]);
  });
});

describe('module file', () => {
  it('keeps Next.js modules server-only: the package when the app has it, else a guard', () => {
    expect(serverOnlyFor({ ...info, framework: 'next', dependencies: ['server-only'] })).toBe('package');
    expect(serverOnlyFor({ ...info, framework: 'next' })).toBe('guard');
    expect(serverOnlyFor(info)).toBeNull();
  });

  it('regenerates an edited module only with --force', async () => {
    const first = (await planModuleFile('src/lib/billing.ts', info, config, null, false)).change?.after as string;
    const edited = first.replace('const TIMEOUT_MS = 10_000;', 'const TIMEOUT_MS = 1;');
    expect((await planModuleFile('src/lib/billing.ts', info, config, edited, false)).change).toBeNull();
    expect((await planModuleFile('src/lib/billing.ts', info, config, edited, true)).change?.after).toBe(first);
    expect((await planModuleFile('src/lib/billing.ts', info, config, first, true)).change).toBeNull();
  });
});
