// keepOriginalText: recast's reprints are undone wherever the code did not change; what the edit added stays.
import { describe, expect, it } from 'vitest';
import { keepOriginalText } from '../../src/ast/keep-original-text.js';

const keep = (before: string, after: string, path = 'a.ts') => keepOriginalText(path, before, after);

describe('keepOriginalText', () => {
  it('puts back parentheses recast added around an await it did not change', () => {
    const before = 'async function f() {\n  if (!await ok()) {\n    go()\n  }\n}\n';
    const after = 'async function f() {\n  if (!(await ok())) {\n    go();\n    billing();\n  }\n}\n';
    expect(keep(before, after)).toBe('async function f() {\n  if (!await ok()) {\n    go()\n    billing();\n  }\n}\n');
  });

  it('puts back the layout, quotes and spacing of a statement recast reprinted', () => {
    const before = "const user = create({ email: email,\n                     plan: \"free\" })\nsend( user )\n";
    const after = "const user = create({\n  email: email,\n  plan: 'free'\n});\nbilling(user);\nsend( user )\n";
    expect(keep(before, after)).toBe("const user = create({ email: email,\n                     plan: \"free\" })\nbilling(user);\nsend( user )\n");
  });

  it('keeps a comment the edit added above a statement, and the comments that were there', () => {
    const before = 'a()\n// theirs\nb()\n';
    const after = 'a();\n// theirs\n// TODO(billing-codemod): ours\nb();\n';
    expect(keep(before, after)).toBe('a()\n// theirs\n// TODO(billing-codemod): ours\nb()\n');
  });

  it('moves code the edit wrapped in a new block along with it, comments included', () => {
    const before = 'async function f(s) {\n  for await (const c of s) {\n    use(c)\n    // more\n  }\n}\n';
    const after = 'async function f(s) {\n  try {\n    for await (const c of s) {\n      use(c);\n      // more\n    }\n  } finally {\n    done();\n  }\n}\n';
    expect(keep(before, after)).toBe('async function f(s) {\n  try {\n    for await (const c of s) {\n      use(c)\n      // more\n    }\n  } finally {\n    done();\n  }\n}\n');
  });

  it('lays out a one-line object that gained a member over several lines, as recast printed it', () => {
    const before = "const r = run({ model: m('x'), messages })\n";
    const after = "const r = run({\n  model: m('x'),\n  messages,\n  onFinish() {\n    bill();\n  },\n})\n";
    expect(keep(before, after)).toBe(after);
  });

  it('keeps an added import on a line of its own', () => {
    const before = "const a = require('a');\nconst b = require('b');\n\nconst app = a();\n";
    const after = "const a = require('a');\nconst b = require('b');\nconst { billing } = require('./billing');\n\nconst app = a();\n";
    expect(keep(before, after, 'a.js')).toBe(after);
  });

  it('starts a new line where recast glued a reused statement to an added block', () => {
    const before = 'for (const c of s) { use(c)\n}\n';
    const after = 'for (const c of s) {\n  if (c.usage) {\n    bill(c);\n  }use(c)\n}\n';
    expect(keep(before, after)).toBe('for (const c of s) {\n  if (c.usage) {\n    bill(c);\n  }\n  use(c)\n}\n');
  });

  it("keeps recast's text when putting the original back would change what the code means", () => {
    // Without the `;` recast added, the next line's `(` would call the previous expression.
    const before = 'const x = f()\n(g || h)()\n';
    expect(keep(before, before)).toBe(before);
    const after = 'const x = f();\nbilling();\n(g || h)();\n';
    const kept = keep('const x = f();\n(g || h)();\n', after);
    expect(kept).toBe(after);
  });

  it('returns the printed text when either text does not parse', () => {
    expect(keep('const = ;', 'const a = 1;\n')).toBe('const a = 1;\n');
  });
});
