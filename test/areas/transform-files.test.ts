// The loop every code-editing area shares: edits, parse failures and browser code.
import { describe, expect, it } from 'vitest';
import { transformFiles } from '../../src/areas/transform-files.js';
import type { Transform } from '../../src/ast/transform.js';
import { emptyPlan } from '../../src/plan/types.js';
import type { Project } from '../../src/project/project.js';

const project = (files: Record<string, string>) => ({ dir: '/app', files: Object.keys(files), sources: new Map(Object.entries(files)), skipped: [] }) as Project;
const appendComment: Transform<object> = (file, api) => {
  api.jscodeshift(file.source); // parses, like every real transform
  return `${file.source}// edited\n`;
};

describe('transformFiles', () => {
  it('edits in the file line endings, skips a file that does not parse with its message, and never touches browser code', () => {
    const plan = emptyPlan('test', '.');
    const files = {
      'a.ts': 'export const a = 1;\r\n',
      'broken.ts': 'export const = ;\n',
      'components/chat.tsx': "// a chat box\n'use client';\nimport { generateText } from 'ai';\nexport const x = generateText;\n",
    };
    transformFiles(plan, project(files), Object.keys(files), appendComment, () => ({}));
    expect(plan.changes.map((c) => [c.path, c.after])).toEqual([['a.ts', 'export const a = 1;\r\n// edited\r\n']]);
    expect(plan.skipped.map((s) => s.path)).toEqual(['broken.ts', 'components/chat.tsx']);
    expect(plan.skipped[0].reason).toMatch(/^does not parse: /);
    expect(plan.skipped[1].reason).toMatch(/browser code \('use client'\)/);
  });
});
