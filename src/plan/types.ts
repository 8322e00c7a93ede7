// The Plan: what one area would do to one app, as plain data. The diff preview, --json, the confirm
// prompt and the real write all read the same Plan, so what is shown is what is written.

export interface FileChange {
  /** Path relative to the target directory, with `/`. */
  path: string;
  action: 'create' | 'modify';
  /** Text before (null for a new file) and after, with the file's own line endings. */
  before: string | null;
  after: string;
}

export interface Skipped {
  path: string;
  line?: number;
  reason: string;
}

export interface ManualStep {
  path?: string;
  line?: number;
  message: string;
  /** Code to paste where the tool could not edit safely. */
  snippet?: string;
}

export interface EnvVar {
  name: string;
  /** The env example file it was added to. */
  file: string;
}

export interface Dependency {
  name: string;
  version: string;
  reason: string;
}

/** What the type-check of a plan's edits found (see src/areas/verify-edits.ts). */
export interface Verification {
  /** Files type-checked: the edited files and the files importing them. */
  files: number;
  /** Diagnostics the edits still add (0 unless a file could not be fixed by leaving sites out). */
  newErrors: number;
  /** Sites left out because their edit would not type-check. */
  refused: number;
  /** The compiler settings used (`tsconfig.json`, `default (allowJs)`). */
  settings: string;
  ms: number;
  errors?: string[];
}

/** A route an area adds to the app, as the app serves it. */
export interface RouteAdded {
  method: string;
  path: string;
  purpose: 'portal' | 'balance' | 'webhook';
}

export interface Plan {
  area: string;
  /** The app package the plan is for, relative to the target directory. */
  package: string;
  changes: FileChange[];
  skipped: Skipped[];
  manual: ManualStep[];
  env: EnvVar[];
  dependencies: Dependency[];
  /** Things the user should know that need no action from the tool (how to keep the Credyt id, ...). */
  notes: string[];
  /** The type-check of the edits, when it ran. */
  verification?: Verification;
  /** Routes the plan adds (billing-portal, balance-display, webhooks). */
  routes?: RouteAdded[];
  /** The sites the plan edits (a billable call, a signup), by file and line: what `verify` lists as missing. */
  sites?: Array<{ path: string; line: number }>;
}

export function emptyPlan(area: string, pkg: string): Plan {
  return { area, package: pkg, changes: [], skipped: [], manual: [], env: [], dependencies: [], notes: [] };
}

/** Whether applying the plan leaves work for a person (exit code 3). */
export function hasManualSteps(plan: Plan): boolean {
  return plan.manual.length > 0;
}
