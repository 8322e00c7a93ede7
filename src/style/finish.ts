// The last step of every plan, run at plan time so the preview is what gets written: the project's formatter
// and lint fixer over each file the plan touches (only those), keeping in an edited file only the changes
// next to our lines; then its linter, so the plan can say what is left. A new file is formatted whole.
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { PackageInfo } from '../detect/types.js';
import { modifyFile } from '../plan/file-change.js';
import { toAnalysisText } from '../plan/line-endings.js';
import type { FileChange } from '../plan/types.js';
import { parseSource } from '../ast/parse.js';
import { findUp } from './find-up.js';
import { changedLines, keepHunksNearEdits } from './keep-hunks.js';
import { wrapLongLines } from './wrap-lines.js';
import { detectStyle } from '../ast/style.js';
import { DeferredLintFacts } from './deferred-lint.js';
import { readProjectStyle, type ProjectStyle } from './project-style.js';
import { biomeBinary, biomeFormat, biomeLinter, loadEslint, loadPrettier, ToolConfigError, type Format, type Linter, type LintProblem } from './tools.js';

const FORMATTABLE = /\.(m|c)?(j|t)sx?$|\.json$/;
const LINTABLE = /\.(m|c)?(j|t)sx?$/;

/**
 * The app's formatter and linter, loaded on first use: a plan that writes nothing (a second run, an area with
 * nothing left to do) loads neither, where ESLint with its plugins alone took up to a second.
 */
export interface StyleTools {
  /** The style generated files are written in (loads the tools). */
  projectStyle(): Promise<ProjectStyle>;
  /**
   * The lint facts edits consult, read without loading the tools: a fact read before they are loaded reads as
   * unset (see DeferredLintFacts; transformFiles loads them and runs such edits again where the answer differs).
   */
  lint: DeferredLintFacts;
  /** A change as it will be written: formatted, lint-fixed, and for an edited file only near our lines. */
  /** `created`: the files the same plan creates, which an edited file may import before they exist. */
  finish(change: FileChange, created?: readonly string[]): Promise<FileChange>;
  /** What the plan should say: tools configured but missing, tools that failed, lint problems left. */
  notes(): string[];
}

export interface StyleSetup {
  formatter: 'prettier' | 'biome' | null;
  linter: 'eslint' | 'biome' | null;
}

/** The lint setup of a package as detected; Biome's linter only when biome.json does not turn it off. */
export function lintSetupOf(rootDir: string, pkgDir: string, info: Pick<PackageInfo, 'formatter' | 'linter'>): StyleSetup {
  if (info.linter !== 'biome') return { formatter: info.formatter, linter: info.linter };
  const biome = findUp(pkgDir, rootDir, ['biome.json', 'biome.jsonc']);
  const biomeLints = biome !== null && !/"linter"\s*:\s*\{[^}]*"enabled"\s*:\s*false/.test(readFileSync(biome, 'utf8'));
  return { formatter: info.formatter, linter: biomeLints ? 'biome' : null };
}

/**
 * The package's own tools, loaded when first asked for. `sampleFile` is where a new file would go (its lint
 * rules give the style); `sampleText` is some of the package's code, the style's last resort.
 */
export function openStyleTools(rootDir: string, pkgDir: string, setup: StyleSetup, sampleFile: string, sampleText: string): StyleTools {
  const notes: string[] = [];
  // Files are finished side by side (Biome runs as a process per file); what each says is kept with the call
  // that said it, so the notes come in the order the files were handed in, whichever finished first.
  const ownNotes = new AsyncLocalStorage<string[]>();
  const byCall: string[][] = [];
  const once = (note: string) => {
    const into = ownNotes.getStore() ?? notes;
    if (!into.includes(note)) into.push(note);
  };
  // A tool that cannot read the app's config fails alike for every file: said once, then not run again.
  // Until the first run has answered, the others wait for it: files finished side by side would otherwise all
  // start the tool on a config it cannot read (Biome prints its errors a byte at a time, ~150 ms a run).
  let broken: string | null = null;
  let first: Promise<unknown> | null = null;
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    if (first) await first.catch(() => undefined);
    if (broken) throw new ToolConfigError(broken);
    const attempt = (async () => {
      try {
        return await run();
      } catch (error) {
        if (error instanceof ToolConfigError) once(`${(broken = error.message)}; touched files were not formatted or linted by it`);
        throw error;
      }
    })();
    first ??= attempt;
    return attempt;
  };

  const lint = new DeferredLintFacts();
  let loading: Promise<LoadedTools> | null = null;
  const load = () => (loading ??= loadTools(rootDir, pkgDir, setup, sampleFile, sampleText, once, guarded).then((tools) => (lint.supply(tools.style.lint), tools)));

  const done = new Map<string, FileChange>();
  const finish = async (change: FileChange, created: readonly string[] = []): Promise<FileChange> => {
    if (!FORMATTABLE.test(change.path)) return change;
    const key = `${change.path}\u0000${change.after}`;
    const cached = done.get(key);
    if (cached) return cached;
    const said: string[] = [];
    byCall.push(said);
    const result = await ownNotes.run(said, async () => {
      const { style, format, linter } = await load();
      const wrapAt = format ? undefined : style.lint.maxLine;
      return finishOne(join(rootDir, change.path), change, format, LINTABLE.test(change.path) ? linter : null, once, wrapAt, created);
    });
    done.set(key, result);
    done.set(`${change.path}\u0000${result.after}`, result);
    return result;
  };
  return { projectStyle: async () => (await load()).style, lint, finish, notes: () => [...new Set([...notes, ...byCall.flat()])] };
}

interface LoadedTools {
  style: ProjectStyle;
  format: Format | null;
  linter: Linter | null;
}

type Guard = <T>(run: () => Promise<T>) => Promise<T>;

async function loadTools(rootDir: string, pkgDir: string, setup: StyleSetup, sampleFile: string, sampleText: string, note: (text: string) => void, guarded: Guard): Promise<LoadedTools> {
  const said: string[] = [];
  const once = (text: string) => {
    said.push(text);
    note(text);
  };
  const biome = setup.formatter === 'biome' || setup.linter === 'biome' ? biomeBinary(pkgDir, rootDir) : null;
  let format: Format | null = null;
  let prettierOptions: Record<string, unknown> | null = null;
  if (setup.formatter === 'prettier') {
    const prettier = await loadPrettier(pkgDir).catch(() => null);
    if (prettier) {
      format = prettier.format;
      prettierOptions = await prettier.config(sampleFile).catch(() => ({}));
    } else once('prettier is configured but not installed here; touched files were not formatted');
  } else if (setup.formatter === 'biome') {
    // With Biome as the linter too, its `check --write` formats as it fixes.
    if (biome && setup.linter !== 'biome') {
      const biomeFormats = biomeFormat(biome, pkgDir);
      format = (file, text) => guarded(() => biomeFormats(file, text));
    } else if (!biome) once('biome is configured but not installed here; touched files were not formatted');
  }

  let linter: Linter | null = null;
  if (setup.linter === 'eslint') {
    linter = await loadEslint(pkgDir).catch((error: Error) => {
      once(`eslint could not be loaded (${firstLine(error.message)}); touched files were not linted`);
      return null;
    });
    if (!linter && said.length === 0) once('eslint is configured but not installed here; touched files were not linted');
  } else if (setup.linter === 'biome') {
    if (biome) {
      const lints = biomeLinter(biome, pkgDir);
      linter = { ...lints, fix: (file, text) => guarded(() => lints.fix(file, text)), check: (file, text) => guarded(() => lints.check(file, text)) };
    } else if (setup.formatter !== 'biome') once('biome is configured but not installed here; touched files were not linted');
  }

  const eslintConfig = linter?.config ? await linter.config(sampleFile).catch(() => null) : null;
  const eslintRules = eslintConfig?.rules ?? null;
  const level = languageLevelNote(pkgDir, typeof eslintConfig?.ecmaVersion === 'number' ? eslintConfig.ecmaVersion : null);
  if (level) once(level);
  const configFile = setup.linter === 'eslint' && !linter ? eslintConfigFile(pkgDir, rootDir) : null;
  const style = readProjectStyle({
    rootDir,
    pkgDir,
    sampleText,
    eslintRules,
    eslintConfigText: configFile ? readFileSync(configFile, 'utf8') : null,
    prettier: prettierOptions,
    biome: setup.formatter === 'biome',
  });
  return { style, format, linter };
}

async function finishOne(file: string, change: FileChange, format: Format | null, linter: Linter | null, note: (text: string) => void, wrapAt?: number, created: readonly string[] = []): Promise<FileChange> {
  let edited = toAnalysisText(change.after);
  if (wrapAt && change.before !== null && LINTABLE.test(change.path)) {
    const own = detectStyle(edited);
    edited = wrapLongLines(change.path, edited, changedLines(toAnalysisText(change.before).split('\n'), edited.split('\n')), wrapAt, own.indent, /,[ \t]*\n[ \t]*[}\]]/.test(edited));
  }
  let text = edited;
  try {
    if (format) text = await format(file, text);
    if (linter) text = await linter.fix(file, text);
  } catch (error) {
    if (!(error instanceof ToolConfigError)) note(`${change.path}: ${format ? 'formatting' : 'lint fixes'} failed (${firstLine((error as Error).message)}); left as generated`);
    text = edited;
  }
  if (LINTABLE.test(change.path) && !parses(change.path, text)) text = edited;
  let result: FileChange = change;
  if (change.before === null) {
    result = { ...change, after: text };
  } else {
    const before = change.before;
    const kept = keepHunksNearEdits(toAnalysisText(before), edited, text);
    result = modifyFile(change.path, before, () => kept) ?? { ...change, after: before };
  }
  if (linter && result.before === null) result = await suppressLeft(file, result, linter, note);
  if (linter) await reportLint(file, change, result, linter, note, created);
  return result;
}

/**
 * A new file is generated code: rules the app's linter still flags after its own fixes (no-console, max-len,
 * no-use-before-define under airbnb) are turned off for that file by name, at its top, and said.
 */
async function suppressLeft(file: string, created: FileChange, linter: Linter, note: (text: string) => void): Promise<FileChange> {
  let problems: LintProblem[];
  try {
    problems = await linter.check(file, created.after);
  } catch {
    return created;
  }
  const rules = [...new Set(problems.map((p) => p.rule).filter((r) => r !== 'parse'))].sort();
  if (rules.length === 0) return created;
  const why = linter.name === 'eslint' ? 'generated by billing-codemod' : "generated by billing-codemod, which does not follow these rules of the app's";
  const lines = linter.name === 'eslint' ? eslintDisable(rules, why) : rules.map((r) => `// biome-ignore-all ${r}: ${why}`);
  // At the very top, so it covers the header comment too (the generated-file marker stays within the first lines).
  const text = created.after.split('\n');
  text.splice(/server-only['"]\)?;?$/.test(text[0] ?? '') ? 1 : 0, 0, ...lines);
  note(`${linter.name}: rules turned off in the new file ${created.path}, which does not follow them: ${rules.join(', ')}`);
  return { ...created, after: text.join('\n') };
}

/** `/* eslint-disable a, b -- why *\/`, wrapped at 80 columns so that the directive itself passes max-len. */
function eslintDisable(rules: string[], why: string): string[] {
  const lines: string[] = [];
  let line = '/* eslint-disable';
  rules.forEach((rule, i) => {
    const item = `${rule}${i < rules.length - 1 ? ',' : ''}`;
    if (line.length + 1 + item.length > 80) {
      lines.push(line);
      line = '  ';
    }
    line += `${line.endsWith(' ') ? '' : ' '}${item}`;
  });
  lines.push(line);
  const tail = `-- ${why} */`;
  if (lines[lines.length - 1].length + 1 + tail.length > 80) lines.push(`  ${tail}`);
  else lines[lines.length - 1] += ` ${tail}`;
  return lines;
}

/** A new file's problems, or the problems an edited file gained (rule and message, counted). */
async function reportLint(file: string, change: FileChange, result: FileChange, linter: Linter, note: (text: string) => void, created: readonly string[]): Promise<void> {
  try {
    // An import of a file this plan creates cannot resolve until the plan is written: not a problem it adds.
    const stems = created.map((path) => posix.basename(path).replace(/\.[cm]?[jt]sx?$/, ''));
    const pending = (p: LintProblem) => /no-unresolved|no-missing-import/.test(p.rule) && stems.some((stem) => p.message.includes(`/${stem}`));
    const after = (await linter.check(file, toAnalysisText(result.after))).filter((p) => !pending(p));
    let left: LintProblem[] = after;
    if (change.before !== null) {
      const had = new Map<string, number>();
      for (const p of await linter.check(file, toAnalysisText(change.before))) had.set(`${p.rule}\u0000${p.message}`, (had.get(`${p.rule}\u0000${p.message}`) ?? 0) + 1);
      left = after.filter((p) => {
        const k = `${p.rule}\u0000${p.message}`;
        const n = had.get(k) ?? 0;
        if (n > 0) had.set(k, n - 1);
        return n === 0;
      });
    }
    if (left.length === 0) return;
    const what = change.before === null ? 'lint problem(s) in the new file' : 'new lint problem(s)';
    note(`${linter.name}: ${left.length} ${what} ${change.path}: ${left.slice(0, 5).map((p) => `${p.rule} (line ${p.line})`).join(', ')}${left.length > 5 ? ', ...' : ''}`);
  } catch (error) {
    if (!(error instanceof ToolConfigError)) note(`${linter.name} could not check ${change.path} (${firstLine((error as Error).message)})`);
  }
}

/**
 * What the generated code needs of the language and runtime: ES2022 syntax (optional chaining, numeric
 * separators, class fields) and Node 18+ (fetch). Said when the app's lint parser or engines allow less.
 */
export function languageLevelNote(pkgDir: string, ecmaVersion: number | null): string | null {
  const problems: string[] = [];
  if (ecmaVersion !== null && ecmaVersion < 2022) problems.push(`its ESLint parser reads ES${ecmaVersion} (ecmaVersion) and the billing code uses ES2022 syntax (optional chaining, numeric separators, class fields): raise ecmaVersion to 2022 or the lint cannot parse it`);
  let engines: string | undefined;
  try {
    engines = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node;
  } catch {
    engines = undefined;
  }
  const least = engines ? Math.min(...[...engines.matchAll(/(?:^|[^\d.])(\d+)(?:\.\d+)*/g)].map((m) => Number(m[1]))) : null;
  if (least !== null && Number.isFinite(least) && least < 18) problems.push(`package.json engines.node ("${engines}") allows Node ${least}, and the billing module needs Node 18+ (global fetch)`);
  return problems.length ? `language level: ${problems.join('; ')}` : null;
}

function parses(path: string, text: string): boolean {
  try {
    parseSource(path, text);
    return true;
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim() ?? text;
}

const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.json', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc'];

/** The nearest ESLint config file, or the package.json that holds `eslintConfig`. */
export function eslintConfigFile(pkgDir: string, rootDir: string): string | null {
  for (let dir = pkgDir; ; dir = dirname(dir)) {
    const found = findUp(dir, dir, ESLINT_CONFIGS);
    if (found) return found;
    const json = join(dir, 'package.json');
    if (existsSync(json) && /"eslintConfig"\s*:/.test(readFileSync(json, 'utf8'))) return json;
    if (dir === rootDir || dirname(dir) === dir) return null;
  }
}
