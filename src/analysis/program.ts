// One TypeScript language service per app package, made on first use: the app's own compiler settings (or a
// default allowJs program for a JavaScript app), the app's source files served as the analysis reads them
// (LF text, so an offset in a Babel tree is the same offset here), and edited text where verification asks.
// Only the files that matter are roots (the ones asked about, plus the app's own .d.ts files, which hold
// augmentations such as `Express.Request.user`); the checker pulls in whatever they import.
import { step } from '../perf/steps.js';
import { dirname, join, relative, sep } from 'node:path';
import type TS from 'typescript';
import { toPosix } from '../project/list-files.js';
import { resolveExtends, type WorkspacePackages } from '../detect/tsconfig.js';
import { describeExports } from './export-shape.js';
import { loadTypeScript } from './typescript.js';

export interface TypeProgram {
  ts: typeof TS;
  /** The source file for a project-relative path (the edited text when one is set), or null. */
  sourceFile(path: string): TS.SourceFile | null;
  checker(): TS.TypeChecker;
  /**
   * Files questions are about to be asked about (an area's files, before it reads them). They join the roots
   * the next time the program has to be built anyway, so asking about each in turn builds it once instead of
   * once per file (every build is a new checker that resolves every type again). Builds nothing itself.
   */
  expect(paths: Iterable<string>): void;
  /**
   * Texts a later step will put in place (a file the plan creates, which the verification sets before its
   * first check): joined to the next build, as expected files are, and then the verification's setText of the
   * same text builds nothing new. No importer sees them until an edit imports them.
   */
  expectText(path: string, text: string): void;
  /**
   * Replaces the text of project files (project-relative path → text); null restores the original. The text
   * already in place changes nothing (every change is a new program, a new checker).
   */
  setText(path: string, text: string | null): void;
  /** Syntactic and semantic diagnostics of one project file, as the app's own `tsc` would report them. */
  diagnostics(path: string): FileDiagnostic[];
  /**
   * What an importer of a project file can see of it: each export with its type, and the members of object
   * and class types, as text (null for a file without exports). Equal texts before and after an edit mean
   * no importer can gain a diagnostic from it.
   */
  exportShape(path: string): string | null;
  /** Which settings were used, for reports: `tsconfig.json`, or `default (allowJs)`. */
  settingsFrom: string;
  /** The tsconfig extends a base config that is nowhere to be found: target and lib are TypeScript's defaults. */
  withoutBase: boolean;
}

export interface FileDiagnostic {
  /** Code and message: what identifies a diagnostic when lines move. */
  key: string;
  line: number;
  code: number;
  message: string;
}

export interface ProgramSource {
  /** Absolute path of the project (the detected folder). */
  projectDir: string;
  /** The package folder, relative to the project (`.` for the root). */
  pkgPath: string;
  /** A project file's LF text, as the analysis reads it; undefined for files the project did not read. */
  text(path: string): string | undefined;
  /** Next.js apps resolve imports as a bundler does; others as Node does. */
  bundler?: boolean;
  /** The repository's own packages by name, for a tsconfig that extends one before dependencies are installed. */
  workspace?: WorkspacePackages;
}

let registry: TS.DocumentRegistry | null = null;
let programs = 0;
let builds = 0;

/** How many programs (each with its own checker) this process has built; the fixtures' `typePrograms` reads it. */
export function typeProgramBuilds(): number {
  return builds;
}

export function createTypeProgram(source: ProgramSource): TypeProgram {
  const ts = loadTypeScript();
  // Shared by every program of the process: lib and @types files are parsed once, whatever the package.
  // JSDoc is parsed as tsc parses it (only where it can change a type error: JavaScript files, `@see` and
  // `@link` in TypeScript): most of a library's .d.ts text is JSDoc no question of ours reads.
  registry ??= ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames, undefined, ts.JSDocParsingMode.ParseForTypeErrors);
  const pkgDir = join(source.projectDir, source.pkgPath);
  const abs = (path: string) => join(source.projectDir, path);
  const rel = (file: string) => toPosix(relative(source.projectDir, file));
  const textOfRoot = (file: string) => source.text(rel(file));
  const { options, files, from, withoutBase } = compilerSettings(ts, pkgDir, source.bundler === true, source.workspace ?? (() => null));
  // The app's declarations and module augmentations (`declare module 'fastify' { interface FastifyRequest
  // { user } }` in a plugin file) shape types everywhere, as they do for the app's own `tsc -p`.
  const roots = new Set<string>(files.filter((f) => /\.d\.[cm]?ts$/.test(f) || AUGMENTS.test(textOfRoot(f) ?? '')));
  const edited = new Map<string, string>();
  // Bumped on every change of a file's text: the language service re-reads a file whose version changed.
  const versions = new Map<string, number>();
  let changes = 0;
  const inProject = (file: string) => !rel(file).startsWith('..') && !file.includes('/node_modules/');
  // The registry hands out a parsed file by name and version, across programs: a project file's version names
  // this program too, or a second program of the same folder in this process (the next area's, after the
  // first was written) gets the text the first one read. Library and dependency files are shared.
  const program = ++programs;
  const versionOf = (file: string) => (inProject(file) || edited.has(file) || versions.has(file) ? `${program}.${versions.get(file) ?? 0}` : '0');

  const textOf = (file: string): string | undefined => {
    const own = edited.get(file);
    if (own !== undefined) return own;
    if (inProject(file)) {
      const text = source.text(rel(file));
      if (text !== undefined) return text;
    }
    return ts.sys.readFile(file);
  };
  const host: TS.LanguageServiceHost = {
    getScriptFileNames: () => [...roots],
    getScriptVersion: versionOf,
    getScriptSnapshot: (file) => {
      const text = textOf(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => pkgDir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (file) => edited.has(file) || (inProject(file) && source.text(rel(file)) !== undefined) || ts.sys.fileExists(file),
    readFile: (file) => textOf(file),
    readDirectory: ts.sys.readDirectory,
    // A file that exists only in memory (the billing module before client-setup writes it) makes its folder exist.
    directoryExists: (dir) => ts.sys.directoryExists(dir) || [...edited.keys()].some((file) => file.startsWith(`${dir}/`)),
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
  };
  const service = ts.createLanguageService(host, registry);
  const expected = new Set<string>();
  const expectedTexts = new Map<string, string>();
  // Whether the next question builds a program (the first one, or after a change): expected texts join it.
  let stale = true;
  const putText = (file: string, text: string | null) => {
    if (text === null ? !edited.has(file) : edited.get(file) === text) return;
    roots.add(file);
    if (text === null) edited.delete(file);
    else edited.set(file, text);
    versions.set(file, ++changes);
    stale = true;
  };
  // Called before each question: a program about to be built anyway takes the expected texts with it.
  const build = () => {
    if (!stale) return;
    for (const [file, text] of expectedTexts) putText(file, text);
    expectedTexts.clear();
    stale = false;
    builds++;
  };
  // A new root means a new program: the expected files come with it. A file the current program holds
  // already (a root imports it) is asked about there instead: it becomes a root when its text is set.
  const ensureRoot = (file: string) => {
    if (roots.has(file) || (!stale && service.getProgram()?.getSourceFile(file))) return;
    roots.add(file);
    stale = true;
    for (const other of expected) if (textOf(other) !== undefined) roots.add(other);
    expected.clear();
  };

  return {
    ts,
    settingsFrom: from,
    withoutBase,
    sourceFile(path) {
      const file = abs(path);
      if (textOf(file) === undefined) return null;
      ensureRoot(file);
      build();
      return step('types', () => service.getProgram()?.getSourceFile(file) ?? null);
    },
    expect(paths) {
      for (const path of paths) if (!roots.has(abs(path))) expected.add(abs(path));
    },
    expectText(path, text) {
      const file = abs(path);
      if (edited.get(file) !== text) expectedTexts.set(file, text);
    },
    checker() {
      build();
      const program = step('types', () => service.getProgram());
      if (!program) throw new Error('the TypeScript program could not be created');
      return program.getTypeChecker();
    },
    setText(path, text) {
      const file = abs(path);
      expectedTexts.delete(file);
      ensureRoot(file);
      putText(file, text);
    },
    exportShape(path) {
      const file = abs(path);
      if (textOf(file) === undefined) return null;
      ensureRoot(file);
      build();
      // Not a 'types' step: only the verification asks, and the program it builds is the verification's time.
      const program = service.getProgram();
      const sf = program?.getSourceFile(file);
      return program && sf ? describeExports(ts, program.getTypeChecker(), sf) : null;
    },
    diagnostics(path) {
      const file = abs(path);
      // A file an edit has not created yet has no diagnostics (the baseline of a new file).
      if (textOf(file) === undefined) return [];
      ensureRoot(file);
      build();
      return [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)].map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return { key: `${d.code} ${message}`, line, code: d.code, message };
      });
    },
  };
}

/** The app's compiler settings: its tsconfig.json or jsconfig.json, else defaults that read JavaScript. */
const AUGMENTS = /\bdeclare\s+(module\s+['"]|global\b|namespace\s+Express\b)/;

function compilerSettings(ts: typeof TS, pkgDir: string, bundler: boolean, workspace: WorkspacePackages): { options: TS.CompilerOptions; files: string[]; from: string; withoutBase: boolean } {
  const overrides: TS.CompilerOptions = { noEmit: true, allowJs: true, checkJs: true, incremental: false, composite: false, declaration: false, declarationMap: false, sourceMap: false };
  const host: TS.ParseConfigHost = { ...ts.sys, readFile: (file) => withWorkspaceBases(ts, file, workspace) };
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const configPath = join(pkgDir, name);
    if (!ts.sys.fileExists(configPath)) continue;
    const read = ts.readConfigFile(configPath, host.readFile);
    if (read.error) continue;
    const parsed = ts.parseJsonConfigFileContent(read.config, host, dirname(configPath), undefined, configPath);
    // A base config that cannot be found leaves TypeScript's defaults (ES5, no Promise): said on the report.
    const missing = parsed.errors.find((e) => e.code === 6053);
    const from = missing ? `${name}, without its base config (${ts.flattenDiagnosticMessageText(missing.messageText, ' ')})` : name;
    return { options: { ...parsed.options, ...overrides }, files: parsed.fileNames.filter((f) => !f.includes('/node_modules/')), from, withoutBase: missing !== undefined };
  }
  const options: TS.CompilerOptions = {
    ...overrides,
    target: ts.ScriptTarget.ES2022,
    module: bundler ? ts.ModuleKind.ESNext : ts.ModuleKind.NodeNext,
    moduleResolution: bundler ? ts.ModuleResolutionKind.Bundler : ts.ModuleResolutionKind.NodeNext,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    resolveJsonModule: true,
    jsx: ts.JsxEmit.Preserve,
    skipLibCheck: true,
  };
  return { options, files: [], from: 'default (allowJs)', withoutBase: false };
}

/**
 * A config file's text with each `extends` of a package that is not installed but is a package of the
 * repository pointed at that package's file, as the package manager's link would (tsc reads the same file
 * once dependencies are installed). Other texts are returned as read.
 */
function withWorkspaceBases(ts: typeof TS, file: string, workspace: WorkspacePackages): string | undefined {
  const text = ts.sys.readFile(file);
  if (text === undefined || !text.includes('"extends"')) return text;
  const { config } = ts.parseConfigFileTextToJson(file, text) as { config?: { extends?: unknown } };
  if (!config || (typeof config.extends !== 'string' && !Array.isArray(config.extends))) return text;
  let changed = false;
  // One lookup, as tsc's first and then in the repository: a base found in node_modules is what tsc reads too.
  const rebase = (spec: unknown) => {
    if (typeof spec !== 'string' || /^[./]/.test(spec)) return spec;
    const found = resolveExtends(spec, dirname(file), workspace);
    if (!found || found.split(sep).includes('node_modules')) return spec;
    changed = true;
    return found;
  };
  const bases = Array.isArray(config.extends) ? config.extends.map(rebase) : rebase(config.extends);
  return changed ? JSON.stringify({ ...config, extends: bases }) : text;
}
