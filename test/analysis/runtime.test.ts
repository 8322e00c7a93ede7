// Which files are tests (never scanned, never edited): by name and by folder, relative to the package.
import { describe, expect, it } from 'vitest';
import { isTestPath } from '../../src/analysis/runtime.js';

describe('isTestPath', () => {
  it('takes test files by their name, in every kind a project names them', () => {
    for (const path of [
      'src/chat.test.ts',
      'src/chat.spec.tsx',
      'src/app.e2e-spec.ts',
      'src/features/agent/session.clienttest.ts',
      'src/server/api/routers/traces.servertest.ts',
      'src/billing.integration.test.mjs',
      'src/Button.stories.tsx',
      'jest.config.js',
    ]) expect(isTestPath(path), path).toBe(true);
  });

  it('takes every file under a test, mock, fixture, story, seed or script folder', () => {
    for (const path of ['test/app.ts', 'src/__mocks__/openai.ts', 'e2e/signup.ts', 'scripts/migrate.ts', 'prisma/seed/users.ts']) expect(isTestPath(path), path).toBe(true);
  });

  it('leaves app files whose names only end like a test', () => {
    for (const path of ['src/latest.ts', 'src/models/version.latest.ts', 'src/contest.ts', 'src/api/test-connection.ts', 'src/inspect.ts', 'src/testimonials.tsx']) expect(isTestPath(path), path).toBe(false);
  });
});
