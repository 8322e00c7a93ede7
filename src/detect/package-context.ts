// Per-package analysis state shared by detection and the areas: parsed files (each parsed at most once),
// import resolution, and the package's client index. Built lazily: a run that needs nothing parses nothing.
// Analysis reads every file with LF line endings, the text transforms see too, so an offset found here
// (a handler's start, a helper's) is the same offset in a transform's own parse, CRLF files included.
import type * as t from '@babel/types';
import type { BillingConfig } from '../config/types.js';
import { findExportedFunction, reexportsOf } from '../ast/exports.js';
import { parseSource, ParseError } from '../ast/parse.js';
import { toAnalysisText } from '../plan/line-endings.js';
import { sourcesUnder } from '../project/file-index.js';
import type { Project } from '../project/project.js';
import { resolveImport } from '../project/resolve-import.js';
import { emptyClientIndex, indexFileClients, readFileClients, type ClientIndex, type FileClients } from './clients.js';
import { workspacePackageDir } from './packages.js';
import { mayMakeClient } from './sdk-catalog.js';
import { createTypeProgram, type TypeProgram } from '../analysis/program.js';
import { inPackage, isTestPath } from '../analysis/runtime.js';

export interface PackageContext {
  project: Project;
  pkgPath: string;
  aliases: Record<string, string[]>;
  dependencies: Set<string>;
  config: BillingConfig | null;
  /** Source files of this package, as [path, LF text]. */
  sources: Array<[string, string]>;
  /** A source file's LF text (what offsets from `parse` index into). */
  text(path: string): string | undefined;
  /** Parsed AST of a file (cached), or null when it does not parse (recorded in `unparsed`). */
  parse(path: string): t.File | null;
  unparsed: Map<string, string>;
  resolve(from: string, specifier: string): string | null;
  /** The file and name a module's export really comes from, through re-exports (`index.ts` barrels). */
  origin(file: string, exportName: string): { file: string; name: string };
  clientIndex(): ClientIndex;
  fileClients(path: string): FileClients | null;
  /** The TypeScript checker over this package (made on first use; most commands never need it). */
  typeProgram(): TypeProgram;
  /** Files an area is about to ask the checker about (see TypeProgram.expect); makes no program. */
  expectTypeQuestions(paths: Iterable<string>): void;
  /**
   * Texts a verification will put in place (see TypeProgram.expectText), asked for when the program is
   * made (at once if it is made already); makes no program, and generates no text for a run that needs none.
   */
  expectTypeTexts(texts: () => ReadonlyMap<string, string>): void;
}

export function createPackageContext(
  project: Project,
  pkgPath: string,
  aliases: Record<string, string[]>,
  dependencies: Iterable<string>,
  config: BillingConfig | null,
  /** Folders of other packages nested inside this one: their files are theirs, not this package's. */
  nested: string[] = [],
): PackageContext {
  const asts = new Map<string, t.File | null>();
  const unparsed = new Map<string, string>();
  const fileClients = new Map<string, FileClients | null>();
  let index: ClientIndex | null = null;
  let types: TypeProgram | null = null;
  const expectedTypeFiles = new Set<string>();
  const expectedTypeTexts: Array<() => ReadonlyMap<string, string>> = [];
  const nestedPrefixes = nested.map((dir) => `${dir}/`);

  const ctx: PackageContext = {
    project,
    pkgPath,
    aliases,
    dependencies: new Set(dependencies),
    config,
    // Tests, mocks, fixtures, stories, seeds and scripts are never scanned: a mock's client is not the app's.
    sources: sourcesUnder(project, pkgPath, (path) => !nestedPrefixes.some((prefix) => path.startsWith(prefix)) && !isTestPath(inPackage(pkgPath, path)))
      .map(([path, text]) => [path, toAnalysisText(text)]),
    text(path) {
      const text = project.sources.get(path);
      return text === undefined ? text : toAnalysisText(text);
    },
    unparsed,
    parse(path) {
      if (asts.has(path)) return asts.get(path) ?? null;
      const text = ctx.text(path);
      let ast: t.File | null = null;
      if (text !== undefined) {
        try {
          ast = parseSource(path, text, { tokens: false });
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          unparsed.set(path, error.line ? `line ${error.line}: ${error.reason}` : error.reason);
        }
      }
      asts.set(path, ast);
      return ast;
    },
    resolve(from, specifier) {
      return resolveImport({ project, pkgPath, aliases }, from, specifier);
    },
    origin(file, exportName) {
      const seen = new Set<string>();
      const follow = (at: string, name: string): { file: string; name: string } | null => {
        const ast = seen.has(at) || seen.size > 8 ? null : ctx.parse(at);
        seen.add(at);
        if (!ast) return null;
        if (findExportedFunction(ast, name)) return { file: at, name };
        for (const re of reexportsOf(ast, name)) {
          const target = ctx.resolve(at, re.source);
          const found = target ? follow(target, re.name) : null;
          if (found) return found;
        }
        return null;
      };
      return follow(file, exportName) ?? { file, name: exportName };
    },
    clientIndex() {
      index ??= buildClientIndex(ctx);
      return index;
    },
    typeProgram() {
      if (!types) {
        types = createTypeProgram({ projectDir: project.dir, pkgPath, text: (path) => ctx.text(path), bundler: ctx.dependencies.has('next'), workspace: (name) => workspacePackageDir(project, name) });
        types.expect(expectedTypeFiles);
        for (const texts of expectedTypeTexts.splice(0)) for (const [path, text] of texts()) types.expectText(path, text);
      }
      return types;
    },
    expectTypeQuestions(paths) {
      if (types) types.expect(paths);
      else for (const path of paths) expectedTypeFiles.add(path);
    },
    expectTypeTexts(texts) {
      if (!types) expectedTypeTexts.push(texts);
      else for (const [path, text] of texts()) types.expectText(path, text);
    },
    fileClients(path) {
      if (!fileClients.has(path)) {
        const ast = ctx.parse(path);
        fileClients.set(path, ast ? readFileClients(path, ast, ctx.clientIndex(), ctx.resolve) : null);
      }
      return fileClients.get(path) ?? null;
    },
  };
  return ctx;
}

/**
 * Indexes the files that construct, decorate or re-export a client. Files are read again until nothing new
 * is learned, so the order files are read in does not matter: `app.decorate('openai', client)` before the
 * file that makes `client`, or a client re-exported through another file (lib/ai/index.ts).
 */
function buildClientIndex(ctx: PackageContext): ClientIndex {
  const index = emptyClientIndex();
  const files = new Set(ctx.sources.filter(([, text]) => mayMakeClient(text)).map(([path]) => path));
  const size = () => entries(index.exports) + entries(index.factories) + index.decorations.size;
  for (let round = 0; round < 5; round++) {
    const before = [size(), files.size];
    for (const path of files) {
      const ast = ctx.parse(path);
      if (ast) indexFileClients(ast, readFileClients(path, ast, index, ctx.resolve), index, ctx.resolve);
    }
    // Importers of client files can re-export them; read them in later rounds. (A file naming a client file
    // is rare, so that is asked before the scan for an export; with no client file, nothing is scanned.)
    const names = [...new Set([...index.exports.keys(), ...index.factories.keys()])].map(importName);
    for (const [path, text] of names.length ? ctx.sources : []) {
      if (!files.has(path) && names.some((name) => text.includes(name)) && /export\s|module\.exports|exports\./.test(text)) files.add(path);
    }
    if (size() === before[0] && files.size === before[1]) break;
  }
  return index;
}

function entries(map: Map<string, Map<string, unknown>>): number {
  let n = 0;
  for (const inner of map.values()) n += inner.size;
  return n;
}

/** What an import of a file names: its stem, or its folder's name for an index file. */
function importName(file: string): string {
  const stem = file.replace(/^.*\//, '').replace(/\.[cm]?[jt]sx?$/, '');
  return stem === 'index' ? (file.split('/').slice(-2, -1)[0] ?? stem) : stem;
}
