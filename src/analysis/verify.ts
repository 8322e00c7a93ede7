// Type-checks edits in memory: the diagnostics of each file with the edits in place, compared with the same
// file's diagnostics before. Diagnostics are compared by code and message, not position (an edit moves every
// line below it), counting repeats, so only errors the edits add are reported. The app's own errors stay its own.
import type { FileDiagnostic, TypeProgram } from './program.js';

export interface NewDiagnostic {
  path: string;
  line: number;
  code: number;
  message: string;
}

/** Who imports a project file: whether anything does (cheap: the first one found answers), and the files. */
export interface Importers {
  any(path: string): boolean;
  of(path: string): string[];
}

export class EditVerifier {
  private readonly baselines = new Map<string, Map<string, number>>();
  private readonly shapes = new Map<string, string | null>();
  /** Every file a check has compared, for the plan's report. */
  readonly checkedFiles = new Set<string>();

  constructor(
    readonly program: TypeProgram,
    /** Files no edit is verified against until they exist (the billing module a run has not written yet). */
    private readonly overlays: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * New diagnostics in `paths` with `texts` (project path → LF text) in place. Baselines are taken with the
   * overlays in place too, so a file that does not exist yet is never the reason an edit is refused, and only
   * for files that have diagnostics with the edits (a clean result needs no baseline: half the checking). With
   * `importers`, the files importing an edited file are checked as well, but only when the edit changes
   * what that file exports: otherwise no importer can gain a diagnostic, and checking every importer of a
   * module imported everywhere cost more than checking the edits.
   */
  check(texts: ReadonlyMap<string, string>, paths: Iterable<string>, importers?: Importers): NewDiagnostic[] {
    const wanted = [...new Set(paths)];
    for (const [path, text] of this.overlays) this.program.setText(path, text);
    // Asking a file's export types costs a check of much of the file: only for files something imports.
    const imported = importers ? [...texts.keys()].filter((path) => importers.any(path)) : [];
    for (const path of imported) this.shapeBefore(path);
    this.put(texts);
    let edited = true;
    try {
      // Diagnostics before any type query: a checker asked for a type first can report its errors differently.
      const after = new Map(wanted.map((path) => [path, this.relevant(this.program.diagnostics(path))]));
      const changed = imported.filter((path) => this.shapeChanged(path));
      const more = [...new Set(changed.flatMap((path) => importers!.of(path)))].filter((path) => !after.has(path) && !texts.has(path));
      for (const path of more) after.set(path, this.relevant(this.program.diagnostics(path)));
      for (const path of after.keys()) this.checkedFiles.add(path);
      const unsure = [...after].filter(([path, found]) => found.length > 0 && !this.baselines.has(path)).map(([path]) => path);
      if (unsure.length) {
        this.takeBack(texts);
        edited = false;
        for (const path of unsure) this.baseline(path);
      }
      return [...after].flatMap(([path, found]) => this.added(path, found));
    } finally {
      if (edited) this.takeBack(texts);
    }
  }

  private put(texts: ReadonlyMap<string, string>): void {
    for (const [path, text] of texts) this.program.setText(path, text);
  }

  private takeBack(texts: ReadonlyMap<string, string>): void {
    for (const path of texts.keys()) this.program.setText(path, this.overlays.get(path) ?? null);
  }

  private shapeBefore(path: string): string | null {
    if (!this.shapes.has(path)) this.shapes.set(path, this.program.exportShape(path));
    return this.shapes.get(path) ?? null;
  }

  /** Whether the edited file exports something else now (a file without exports counts as changed). */
  private shapeChanged(path: string): boolean {
    const before = this.shapes.get(path) ?? null;
    const after = this.program.exportShape(path);
    return before === null || after === null || before !== after;
  }

  /** The file's diagnostics without the edits, counted by code and message (taken once per file). */
  private baseline(path: string): Map<string, number> {
    let counts = this.baselines.get(path);
    if (!counts) {
      counts = new Map();
      for (const d of this.relevant(this.program.diagnostics(path))) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
      this.baselines.set(path, counts);
    }
    return counts;
  }

  /**
   * Without what the machine's state explains: packages not installed, the callbacks they would type, and
   * with no base config to be found, what TypeScript's default target and lib lack (Promise, newer methods).
   */
  private relevant(diagnostics: FileDiagnostic[]): FileDiagnostic[] {
    const missing = diagnostics.some((d) => isMissingPackage(d.code, d.message));
    const noBase = this.program.withoutBase;
    return diagnostics.filter((d) => !isMissingPackage(d.code, d.message) && !(missing && IMPLICIT_ANY.has(d.code)) && !(noBase && DEFAULT_LIB_LACKS.has(d.code)));
  }

  private added(path: string, found: FileDiagnostic[]): NewDiagnostic[] {
    if (found.length === 0) return [];
    const left = new Map(this.baseline(path));
    const out: NewDiagnostic[] = [];
    for (const d of found) {
      const seen = left.get(d.key) ?? 0;
      if (seen > 0) left.set(d.key, seen - 1);
      else out.push({ path, line: d.line, code: d.code, message: d.message });
    }
    return out;
  }
}

/** "implicitly has an 'any' type" codes (parameters, binding elements, variables, members). */
const IMPLICIT_ANY = new Set([7005, 7006, 7008, 7010, 7011, 7019, 7031, 7034]);

/**
 * What a program on TypeScript's default target (ES5) and lib reports of code its real settings allow: async
 * needs Promise (2705), a global or name the lib lacks (2318, 2583, 2584, 2585), a newer lib's method (2550).
 */
const DEFAULT_LIB_LACKS = new Set([2318, 2550, 2583, 2584, 2585, 2705]);

/** Codes that mean type packages are not installed: no @types/node (`process`), no @types/react (JSX.IntrinsicElements). */
const MISSING_TYPES = new Set([2580, 2591, 7026]);

/** "Cannot find module" / "no declaration file" codes. */
const MISSING_MODULE = new Set([2307, 2792, 7016]);

/**
 * A package the program cannot find (`next/server` where dependencies are not installed) is the machine's
 * state, not the edit's fault: such an import is checked by the app's own build. Relative and alias imports
 * (`./lib/billing`, `@/lib/billing`) still count.
 */
function isMissingPackage(code: number, message: string): boolean {
  // The machine lacks @types/node or @types/react: the app's own build, with its dependencies, checks these.
  if (MISSING_TYPES.has(code)) return true;
  if (!MISSING_MODULE.has(code)) return false;
  const name = /module '([^']+)'/.exec(message)?.[1] ?? '';
  return name !== '' && !/^(\.|\/|@\/|~\/|#)/.test(name);
}

/** `file:line: message (TS2339)`, as a skip reason. */
export function describeDiagnostic(d: NewDiagnostic): string {
  return `${d.path}:${d.line}: ${d.message} (TS${d.code})`;
}
