// The app's lint facts (no-void, consistent-return, max-len) as an edit reads them, before the app's linter is
// loaded: loading ESLint with its plugins for the rules takes up to a second, and a run that writes no edit
// (a second run, an area with nothing left to do) never needs them. A fact read early reads as unset and is
// remembered; once the facts are known, `differs()` says whether any early read got another answer, which is
// when the edits that read it must be made again.
import type { LintFacts } from './project-style.js';

export class DeferredLintFacts implements LintFacts {
  private known: LintFacts | null = null;
  private readonly early = new Set<keyof LintFacts>();

  get noVoid(): boolean | undefined {
    return this.read('noVoid') as boolean | undefined;
  }

  get consistentReturn(): boolean | undefined {
    return this.read('consistentReturn') as boolean | undefined;
  }

  get maxLine(): number | undefined {
    return this.read('maxLine') as number | undefined;
  }

  /** Whether a fact was read before the facts were known. */
  get readEarly(): boolean {
    return this.early.size > 0;
  }

  /** The facts, once the app's linter has given them. */
  supply(facts: LintFacts): void {
    this.known = facts;
  }

  /** Whether a fact read early has another value now (false before the facts are supplied). */
  differs(): boolean {
    const known = this.known;
    return known !== null && [...this.early].some((key) => known[key] !== undefined);
  }

  private read(key: keyof LintFacts): LintFacts[keyof LintFacts] {
    if (this.known) return this.known[key];
    this.early.add(key);
    return undefined;
  }
}
