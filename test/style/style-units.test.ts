// The pieces of finishing, each on its own: reading a project's style from its configs, writing generated code
// in it, keeping only the formatter's changes near our lines, breaking our long lines, the language level.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { languageLevelNote } from '../../src/style/finish.js';
import { keepHunksNearEdits } from '../../src/style/keep-hunks.js';
import { biomeStyle, editorconfigStyle, eslintPresetStyle, eslintRuleStyle, prettierStyle, readProjectStyle } from '../../src/style/project-style.js';
import { restyle } from '../../src/style/restyle.js';
import { wrapLongLines } from '../../src/style/wrap-lines.js';

const dirs: string[] = [];
const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'style-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("reading the project's style", () => {
  it('takes ESLint rules under any plugin prefix (core, @stylistic/, antfu style/), and skips rules turned off', () => {
    expect(eslintRuleStyle({ 'style/semi': ['error', 'never'], '@stylistic/quotes': [2, 'single'], indent: ['error', 4], 'comma-dangle': ['error', 'never'] })).toEqual({ semi: false, quote: "'", indent: '    ', trailingComma: false });
    expect(eslintRuleStyle({ semi: ['off', 'never'], '@typescript-eslint/semi': [2, 'always'] })).toEqual({ semi: true });
    expect(eslintRuleStyle({ 'no-void': [2], 'consistent-return': [2], 'max-len': [2, { code: 100 }] }).lint).toEqual({ noVoid: true, consistentReturn: true, maxLine: 100 });
    expect(eslintRuleStyle({ 'no-void': [2, { allowAsStatement: true }] }).lint).toEqual({ noVoid: false });
  });

  it('knows shared presets by name when ESLint is not installed to resolve them', () => {
    expect(eslintPresetStyle('{ "extends": "standard" }')).toMatchObject({ semi: false, quote: "'", trailingComma: false, lint: { noVoid: true } });
    expect(eslintPresetStyle("import antfu from '@antfu/eslint-config'\nexport default antfu()")).toMatchObject({ semi: false, trailingComma: true });
    expect(eslintPresetStyle('{ "extends": ["airbnb-base"] }')).toMatchObject({ semi: true, lint: { consistentReturn: true, maxLine: 100 } });
    expect(eslintPresetStyle('{ "extends": ["eslint:recommended"] }')).toBeNull();
  });

  it("fills Prettier's and Biome's defaults (double quotes; Biome indents with tabs)", () => {
    expect(prettierStyle({})).toEqual({ semi: true, quote: '"', trailingComma: true });
    expect(prettierStyle({ semi: false, singleQuote: true, useTabs: true, trailingComma: 'none', printWidth: 100 })).toEqual({ semi: false, quote: "'", indent: '\t', trailingComma: false, width: 100 });
    const biome = folder({ 'biome.jsonc': '{\n  // comment\n  "javascript": { "formatter": { "semicolons": "asNeeded", "quoteStyle": "single", }, },\n}' });
    expect(biomeStyle(biome, biome)).toEqual({ semi: false, quote: "'", indent: '\t', trailingComma: true });
  });

  it('reads the indentation .editorconfig sets for scripts, nearest file first', () => {
    const root = folder({ '.editorconfig': '[*]\nindent_style = space\nindent_size = 4\n[*.md]\nindent_size = 2\n', 'apps/api/.editorconfig': '[*.{js,ts}]\nindent_style = tab\n' });
    expect(editorconfigStyle(root, root)).toEqual({ indent: '    ' });
    expect(editorconfigStyle(join(root, 'apps/api'), root)).toEqual({ indent: '\t' });
  });

  it('lets the formatter config win over lint rules, lint rules over .editorconfig, and all of them over the files', () => {
    const dir = folder({ '.editorconfig': '[*]\nindent_style = tab\n' });
    const style = readProjectStyle({ rootDir: dir, pkgDir: dir, sampleText: 'const a = "x";\n', eslintRules: { semi: [2, 'never'], quotes: [2, 'single'] }, prettier: { semi: true, singleQuote: false } });
    expect(style).toMatchObject({ semi: true, quote: '"', indent: '\t', sources: ['files', '.editorconfig', 'eslint', 'prettier'] });
  });

  it('falls back to what the files do, trailing commas included', () => {
    const dir = folder({});
    const style = readProjectStyle({ rootDir: dir, pkgDir: dir, sampleText: "const a = {\n  b: 'x'\n}\nconst c = {\n  d: 1\n}\nconst e = f()\n" });
    expect(style).toMatchObject({ semi: false, quote: "'", indent: '  ', trailingComma: false, sources: ['files'] });
  });
});

describe('restyle (generated code in the project style)', () => {
  const code = "// it's generated\nconst a = 'x';\nconst t = `\n  kept`;\nconst o = {\n  b: 'say \"hi\"',\n  c: [1, 2],\n};\nfor (let i = 0; i < 2; i++) f(i);\nconst g = a\n;[1].forEach(f);\n";
  it('changes quotes, semicolons, indentation and trailing commas token by token, never inside strings or templates', () => {
    expect(restyle('a.ts', code, { quote: '"', semi: false, indent: '    ', trailingComma: false })).toBe(
      "// it's generated\nconst a = \"x\"\nconst t = `\n  kept`\nconst o = {\n    b: 'say \"hi\"',\n    c: [1, 2]\n}\nfor (let i = 0; i < 2; i++) f(i)\nconst g = a\n;[1].forEach(f)\n",
    );
  });
  it('returns the code as it was in the house style', () => {
    expect(restyle('a.ts', code, { quote: "'", semi: true, indent: '  ', trailingComma: true })).toBe(code);
  });
});

describe('keepHunksNearEdits (the formatter, only near our lines)', () => {
  const original = "import a from 'a'\nimport z from 'z'\nconst   x = 1\nfoo( x )\n";
  it("keeps the formatter's change of our line, and none of its changes to the app's lines", () => {
    const edited = "import a from 'a'\nimport z from 'z'\nconst   x = 1\nfoo( x )\nbilling.track({a:1})\n";
    const tool = "import a from 'a'\nimport z from 'z'\nconst x = 1\nfoo(x)\nbilling.track({ a: 1 })\n";
    expect(keepHunksNearEdits(original, edited, tool)).toBe("import a from 'a'\nimport z from 'z'\nconst   x = 1\nfoo( x )\nbilling.track({ a: 1 })\n");
  });
  it('moves our import where the import order puts it, never the app lines around it, and never twice', () => {
    const edited = "import a from 'a'\nimport z from 'z'\nimport { billing } from './billing'\nconst   x = 1\nfoo( x )\n";
    const tool = "import { billing } from './billing'\nimport a from 'a'\nimport z from 'z'\nconst x = 1\nfoo(x)\n";
    expect(keepHunksNearEdits(original, edited, tool)).toBe("import { billing } from './billing'\nimport a from 'a'\nimport z from 'z'\nconst   x = 1\nfoo( x )\n");
  });
});

describe('wrapLongLines (max-len on our lines)', () => {
  it('puts the widest object of our too-long line one property per line, and leaves the rest', () => {
    const text = "const long = { aaaaaaaaaaaa: 1, bbbbbbbbbbbb: 'x, y', c: { d: 2 } }\nconst theirs = { aaaaaaaaaaaa: 1, bbbbbbbbbbbb: 'x, y', c: { d: 2 } }\n";
    expect(wrapLongLines('a.ts', text, new Set([0]), 40, '  ', true)).toBe("const long = {\n  aaaaaaaaaaaa: 1,\n  bbbbbbbbbbbb: 'x, y',\n  c: { d: 2 },\n}\nconst theirs = { aaaaaaaaaaaa: 1, bbbbbbbbbbbb: 'x, y', c: { d: 2 } }\n");
  });
});

describe('language level', () => {
  it('says when the lint parser or engines allow less than the billing code needs', () => {
    const dir = folder({ 'package.json': '{ "engines": { "node": ">=16.14 <21" } }' });
    expect(languageLevelNote(dir, 2019)).toBe('language level: its ESLint parser reads ES2019 (ecmaVersion) and the billing code uses ES2022 syntax (optional chaining, numeric separators, class fields): raise ecmaVersion to 2022 or the lint cannot parse it; package.json engines.node (">=16.14 <21") allows Node 16, and the billing module needs Node 18+ (global fetch)');
    expect(languageLevelNote(folder({ 'package.json': '{ "engines": { "node": ">=20" } }' }), 2022)).toBeNull();
  });
});
