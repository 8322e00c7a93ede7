// The style new files are written in: what the project's formatter and lint configs ask for, falling back to
// what its existing files do. Each setting says where it came from, so the plan can name it.
import { readFileSync } from 'node:fs';
import { detectStyle, type CodeStyle } from '../ast/style.js';
import { findUp } from './find-up.js';

export interface ProjectStyle extends CodeStyle {
  /** Multi-line objects, arrays and argument lists end with a comma. */
  trailingComma: boolean;
  /** Where the settings came from, most authoritative last: `files`, `.editorconfig`, `eslint`, `prettier`, `biome`. */
  sources: string[];
  lint: LintFacts;
}

/** Lint rules that decide how inserted code is written, not only how it is laid out. */
export interface LintFacts {
  /** `void expr;` is an error (ESLint's no-void, as in standard and airbnb): a call stands alone instead. */
  noVoid?: boolean;
  /** consistent-return (airbnb): a handler that returns no value refuses with `res...; return;`. */
  consistentReturn?: boolean;
  /** The longest line the lint allows (max-len), when it sets one. */
  maxLine?: number;
}

type Partial_ = Partial<Omit<ProjectStyle, 'sources' | 'lint'>> & { lint?: LintFacts };

export interface StyleInputs {
  rootDir: string;
  pkgDir: string;
  /** Text of some of the package's own source files. */
  sampleText: string;
  /** ESLint's resolved rules for a source file of the package, when ESLint is installed. */
  eslintRules?: Record<string, unknown> | null;
  /** The project's lint config text when ESLint is configured but not installed (presets are read from it). */
  eslintConfigText?: string | null;
  /** Prettier's resolved options, when Prettier is the formatter. */
  prettier?: Record<string, unknown> | null;
  biome?: boolean;
}

export function readProjectStyle(inputs: StyleInputs): ProjectStyle {
  const fromFiles = detectStyle(inputs.sampleText);
  let style: ProjectStyle = { ...fromFiles, trailingComma: trailingCommasIn(inputs.sampleText), sources: ['files'], lint: {} };
  const merge = (source: string, part: Partial_ | null) => {
    if (!part || Object.keys(part).length === 0) return;
    style = { ...style, ...part, lint: { ...style.lint, ...part.lint }, sources: [...style.sources, source] };
  };
  merge('.editorconfig', editorconfigStyle(inputs.pkgDir, inputs.rootDir));
  if (inputs.eslintRules) merge('eslint', eslintRuleStyle(inputs.eslintRules));
  else if (inputs.eslintConfigText) merge('eslint preset', eslintPresetStyle(inputs.eslintConfigText));
  if (inputs.prettier) merge('prettier', prettierStyle(inputs.prettier));
  if (inputs.biome) merge('biome', biomeStyle(inputs.pkgDir, inputs.rootDir));
  return style;
}

/**
 * Whether the last property of a multi-line object ends with a comma at least as often as not (yes when the
 * files show neither): a `key: value` line right before a line that closes the object.
 */
function trailingCommasIn(text: string): boolean {
  const lastProperties = [...text.matchAll(/^[ \t]*[\w$'"]+[ \t]*:[ \t]*\S.*\r?\n[ \t]*\}/gm)].map((m) => m[0].split(/\r?\n/)[0].trimEnd());
  const withComma = lastProperties.filter((line) => line.endsWith(',')).length;
  return withComma * 2 >= lastProperties.length;
}

/** ESLint rule settings (core, @stylistic, antfu's `style/`, @typescript-eslint) that fix the style. */
export function eslintRuleStyle(rules: Record<string, unknown>): Partial_ {
  const find = (name: string): unknown[] | null => {
    for (const [key, value] of Object.entries(rules)) {
      if (key !== name && !key.endsWith(`/${name}`)) continue;
      const setting = Array.isArray(value) ? value : [value];
      if (setting[0] === 0 || setting[0] === 'off') continue;
      return setting.slice(1);
    }
    return null;
  };
  const out: Partial_ = {};
  const semi = find('semi');
  if (semi) out.semi = semi[0] !== 'never';
  const quotes = find('quotes');
  if (quotes && (quotes[0] === 'single' || quotes[0] === 'double')) out.quote = quotes[0] === 'single' ? "'" : '"';
  const indent = find('indent');
  if (indent) out.indent = indent[0] === 'tab' ? '\t' : typeof indent[0] === 'number' ? ' '.repeat(indent[0]) : '    ';
  const lint: LintFacts = {};
  const noVoid = find('no-void');
  if (noVoid) lint.noVoid = !(noVoid[0] as { allowAsStatement?: boolean } | undefined)?.allowAsStatement;
  if (find('consistent-return')) lint.consistentReturn = true;
  const maxLen = find('max-len');
  const code = typeof maxLen?.[0] === 'number' ? maxLen[0] : (maxLen?.find((o) => typeof o === 'object') as { code?: number } | undefined)?.code;
  if (code) lint.maxLine = code;
  if (Object.keys(lint).length) out.lint = lint;
  const comma = find('comma-dangle');
  if (comma) {
    const option = comma[0] as string | Record<string, string> | undefined;
    const objects = typeof option === 'object' ? option.objects : option;
    out.trailingComma = objects === 'always' || objects === 'always-multiline';
  }
  return out;
}

/** Shared configs read by name when ESLint is not installed to resolve them. */
const PRESETS: Array<[RegExp, Partial_]> = [
  [/@antfu\/eslint-config/, { semi: false, quote: "'", indent: '  ', trailingComma: true }],
  [/\bneostandard\b|eslint-config-standard|["'](standard|standard-with-typescript)["']/, { semi: false, quote: "'", indent: '  ', trailingComma: false, lint: { noVoid: true } }],
  [/airbnb/, { semi: true, quote: "'", indent: '  ', trailingComma: true, lint: { noVoid: true, consistentReturn: true, maxLine: 100 } }],
  [/eslint-config-xo|["']xo["']/, { semi: true, quote: "'", indent: '\t', trailingComma: true }],
];

export function eslintPresetStyle(configText: string): Partial_ | null {
  return PRESETS.find(([pattern]) => pattern.test(configText))?.[1] ?? null;
}

/**
 * Prettier options with Prettier 3's defaults (double quotes, semicolons, trailing commas). Indentation only
 * when the options set it: otherwise Prettier's CLI follows .editorconfig, read before this.
 */
export function prettierStyle(options: Record<string, unknown>): Partial_ {
  const indent = options.useTabs === true ? '\t' : typeof options.tabWidth === 'number' ? ' '.repeat(options.tabWidth) : undefined;
  return {
    semi: options.semi !== false,
    quote: options.singleQuote === true ? "'" : '"',
    ...(indent ? { indent } : {}),
    trailingComma: options.trailingComma !== 'none',
    ...(typeof options.printWidth === 'number' ? { width: options.printWidth } : {}),
  };
}

/** biome.json(c), nearest first, with Biome's defaults (tabs, double quotes, semicolons, trailing commas). */
export function biomeStyle(pkgDir: string, rootDir: string): Partial_ | null {
  const config = findUp(pkgDir, rootDir, ['biome.json', 'biome.jsonc']);
  if (!config) return null;
  let json: {
    formatter?: { enabled?: boolean; indentStyle?: string; indentWidth?: number; lineWidth?: number };
    javascript?: { formatter?: { quoteStyle?: string; semicolons?: string; trailingCommas?: string; indentStyle?: string; indentWidth?: number } };
  };
  try {
    json = JSON.parse(stripJsonComments(readFileSync(config, 'utf8')));
  } catch {
    return null;
  }
  if (json.formatter?.enabled === false) return null;
  const js = json.javascript?.formatter ?? {};
  const indentStyle = js.indentStyle ?? json.formatter?.indentStyle ?? 'tab';
  return {
    semi: js.semicolons !== 'asNeeded',
    quote: js.quoteStyle === 'single' ? "'" : '"',
    indent: indentStyle === 'space' ? ' '.repeat(js.indentWidth ?? json.formatter?.indentWidth ?? 2) : '\t',
    trailingComma: js.trailingCommas !== 'none',
    ...(json.formatter?.lineWidth ? { width: json.formatter.lineWidth } : {}),
  };
}

/** The indentation `.editorconfig` sets for JS and TS files (the nearest file's `[*]` or script section). */
export function editorconfigStyle(pkgDir: string, rootDir: string): Partial_ | null {
  const file = findUp(pkgDir, rootDir, ['.editorconfig']);
  if (!file) return null;
  let applies = false;
  let style: string | undefined;
  let size: number | undefined;
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      applies = section[1] === '*' || /\b(js|ts|jsx|tsx)\b/.test(section[1]);
      continue;
    }
    const setting = /^(indent_style|indent_size)\s*=\s*(\S+)/i.exec(line);
    if (!applies || !setting) continue;
    if (setting[1].toLowerCase() === 'indent_style') style = setting[2].toLowerCase();
    else if (/^\d+$/.test(setting[2])) size = Number(setting[2]);
  }
  if (style === 'tab') return { indent: '\t' };
  if (style === 'space' || size) return { indent: ' '.repeat(size ?? 2) };
  return null;
}

function stripJsonComments(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string: string | undefined) => string ?? '').replace(/,(\s*[}\]])/g, '$1');
}
