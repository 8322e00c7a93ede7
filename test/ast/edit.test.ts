import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import type { File, Statement } from '@babel/types';
import { addMarker, insertAfter, insertBefore, statementSlot } from '../../src/ast/edit.js';
import { recastParserFor } from '../../src/ast/parse.js';
import { applyStyle, detectStyle } from '../../src/ast/style.js';
import { findAll } from '../../src/ast/walk.js';

function edit(source: string, code: string, where: 'before' | 'after', target = 'create'): string {
  const j = jscodeshift.withParser(recastParserFor('a.ts'));
  const root = j(source);
  const ast = root.get().node as File;
  const [call] = findAll(ast.program, (n) => n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && n.callee.property.name === target);
  const slot = statementSlot(call.node, call.ancestors);
  if (!slot) throw new Error('no slot');
  const statements = (j(applyStyle(code, detectStyle(source))).get().node as File).program.body as Statement[];
  (where === 'before' ? insertBefore : insertAfter)(slot, statements);
  return root.toSource();
}

describe('statement edits', () => {
  it('inserts after the statement holding a call, in the file indentation', () => {
    const src = 'async function f() {\n    const r = await ai.create({ a: 1 });\n    return r;\n}\n';
    expect(edit(src, 'void track({\n  id: r.id,\n});', 'after')).toBe('async function f() {\n    const r = await ai.create({ a: 1 });\n    void track({\n        id: r.id,\n    });\n    return r;\n}\n');
  });

  it('makes a block for an arrow function with an expression body', () => {
    const src = 'const f = async () => ai.create({});\n';
    expect(edit(src, 'await gate();', 'before')).toBe('const f = async () => {\n  await gate();\n  return ai.create({});\n};\n');
  });

  it('makes a block for a braceless if', () => {
    const src = 'if (x) await ai.create({});\n';
    expect(edit(src, 'await gate();', 'before')).toBe('if (x) {\n  await gate();\n  await ai.create({});\n}\n');
  });

  it('adds a marker once', () => {
    const j = jscodeshift.withParser(recastParserFor('a.ts'));
    const root = j('function f() {\n  ai.create();\n}\n');
    const ast = root.get().node as File;
    const [call] = findAll(ast.program, (n) => n.type === 'ExpressionStatement');
    expect(addMarker(call.node, 'no signed-in user in scope')).toBe(true);
    const once = root.toSource();
    expect(once).toBe('function f() {\n  // TODO(billing-codemod): no signed-in user in scope\n  ai.create();\n}\n');
    const again = j(once);
    const [stmt] = findAll((again.get().node as File).program, (n) => n.type === 'ExpressionStatement');
    expect(addMarker(stmt.node, 'no signed-in user in scope')).toBe(false);
  });
});

describe('style', () => {
  it('detects quotes, semicolons and indentation', () => {
    expect(detectStyle('import a from "a"\nfunction f() {\n    return 1\n}\n')).toEqual({ quote: '"', semi: false, indent: '    ', width: 80 });
    expect(detectStyle("import a from 'a';\nif (x) {\n\treturn;\n}\n").indent).toBe('\t');
  });

  it("takes the width recast may fill from the file's own longest code lines, between 80 and 160", () => {
    const long = `const x = ${"'a'".repeat(40)};`;
    expect(detectStyle(`${long}\n${long}\n${long}\n`).width).toBe(long.length);
    expect(detectStyle(`// ${'c'.repeat(200)}\nconst y = 1;\n`).width).toBe(80);
    expect(detectStyle(`const z = '${'z'.repeat(300)}';\nconst a = 1;\nconst b = 2;\n`).width).toBe(80);
  });

  it('adapts house-style code', () => {
    expect(applyStyle("if (x) {\n  go('a');\n}", { quote: '"', semi: false, indent: '    ' })).toBe('if (x) {\n    go("a")\n}');
  });
});

describe('statement edits around calls that close on a later line', () => {
  it('prints the call afresh once an arrow argument becomes a block, so no `},\\n);` tail is left', () => {
    const src = "router.get('/y', (req, res) =>\n  res.json(ai.create({ a: 1 })),\n);\n";
    expect(edit(src, 'await gate();', 'before')).toBe("router.get('/y', (req, res) => {\n  await gate();\n  return res.json(ai.create({ a: 1 }));\n});\n");
  });

  it('keeps a one-line call as written', () => {
    const src = "app.post('/x', async (req, res) => res.json(await ai.create({})));\n";
    expect(edit(src, 'await gate();', 'before')).toBe("app.post('/x', async (req, res) => {\n  await gate();\n  return res.json(await ai.create({}));\n});\n");
  });
});
