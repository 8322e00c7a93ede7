import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { VISITOR_KEYS } from '../../src/ast/visitor-keys.js';

it('has the child keys of the installed @babel/types (regenerate with node scripts/visitor-keys.mjs)', () => {
  const { VISITOR_KEYS: babel } = createRequire(import.meta.url)('@babel/types') as { VISITOR_KEYS: Record<string, string[]> };
  expect(VISITOR_KEYS).toEqual(babel);
});
