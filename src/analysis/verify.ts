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

  constructor(
    readonly program: TypeProgram,
    /** Files no edit is verified against until they exist (the billing module a run has not written yet). */
    private readonly overlays: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * New diagnostics in `paths` with `texts` (project path → LF text) in place. Baselines are taken with the
   * overlays in place too, so a file that does not exist yet is never the reason an edit is refused.
   */
  check(texts: ReadonlyMap<string, string>, paths: Iterable<string>): NewDiagnostic[] {
    const wanted = [...new Set(paths)];
    for (const [path, text] of this.overlays) this.program.setText(path, text);
    for (const path of wanted) this.baseline(path);
    for (const [path, text] of texts) this.program.setText(path, text);
    try {
      return wanted.flatMap((path) => this.added(path));
    } finally {
      for (const path of texts.keys()) this.program.setText(path, this.overlays.get(path) ?? null);
    }
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
