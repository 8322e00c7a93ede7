// Type-checks edits in memory: the diagnostics of each file with the edits in place, compared with the same
// file's diagnostics before. Diagnostics are compared by code and message, not position (an edit moves every
// line below it), counting repeats, so only errors the edits add are reported. The app's own errors stay its own.
import type { TypeProgram } from './program.js';

export interface NewDiagnostic {
  path: string;
  line: number;
  code: number;
  message: string;
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
   * overlays in place too, so a file that does not exist yet is never the reason an edit is refused. With
   * `importersOf`, the files importing an edited file are checked as well, but only when the edit changes
   * what that file exports: otherwise no importer can gain a diagnostic, and checking every importer of a
   * module imported everywhere cost more than checking the edits.
   */
  check(texts: ReadonlyMap<string, string>, paths: Iterable<string>, importersOf?: (path: string) => string[]): NewDiagnostic[] {
    const wanted = new Set(paths);
    for (const [path, text] of this.overlays) this.program.setText(path, text);
    for (const path of wanted) this.baseline(path);
    if (importersOf) for (const path of texts.keys()) this.shapeBefore(path);
    this.put(texts);
    try {
      // Diagnostics before any type query: a checker asked for a type first can report its errors differently.
      const found = [...wanted].flatMap((path) => this.added(path));
      const changed = importersOf ? [...texts.keys()].filter((path) => this.shapeChanged(path)) : [];
      const more = [...new Set(changed.flatMap((path) => importersOf!(path)))].filter((path) => !wanted.has(path) && !texts.has(path));
      if (more.length) {
        // Their baselines are taken without the edits, as every baseline is.
        this.takeBack(texts);
        for (const path of more) this.baseline(path);
        this.put(texts);
        found.push(...more.flatMap((path) => this.added(path)));
      }
      for (const path of [...wanted, ...more]) this.checkedFiles.add(path);
      return found;
    } finally {
      this.takeBack(texts);
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

  private baseline(path: string): Map<string, number> {
    let counts = this.baselines.get(path);
    if (!counts) {
      counts = new Map();
      for (const d of this.program.diagnostics(path)) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
      this.baselines.set(path, counts);
    }
    return counts;
  }

  private added(path: string): NewDiagnostic[] {
    const left = new Map(this.baseline(path));
    const out: NewDiagnostic[] = [];
    const diagnostics = this.program.diagnostics(path);
    // Callbacks handed to a package the program cannot find get no parameter types from it either.
    const missing = diagnostics.some((d) => isMissingPackage(d.code, d.message));
    for (const d of diagnostics) {
      if (isMissingPackage(d.code, d.message) || (missing && IMPLICIT_ANY.has(d.code))) continue;
      const seen = left.get(d.key) ?? 0;
      if (seen > 0) left.set(d.key, seen - 1);
      else out.push({ path, line: d.line, code: d.code, message: d.message });
    }
    return out;
  }
}

/** "implicitly has an 'any' type" codes (parameters, binding elements, variables, members). */
const IMPLICIT_ANY = new Set([7005, 7006, 7008, 7010, 7011, 7019, 7031, 7034]);

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
