// What the customers area hands its transform for one file, and what the transform's steps share.
import type * as t from '@babel/types';
import type { JSCodeshift } from 'jscodeshift';
import type { ImportPlanner } from '../../ast/add-import.js';
import type { CodeStyle } from '../../ast/style.js';
import type { Reporter } from '../../ast/transform.js';
import type { Framework, HandlerKind } from '../../detect/types.js';
import type { TypeFacts } from '../../analysis/type-facts.js';

/**
 * A place in the file where users are created. Each is found again in the transform's own parse by the
 * start offset of its node (the same in every parse of the same text).
 */
export type SignupTarget =
  /** A request handler (or a function the config names): `start` of the function. */
  | { kind: 'handler'; start: number; handler: HandlerKind | 'function'; label: string }
  /** next-auth options / betterAuth({...}) argument: `start` of the config object. */
  | { kind: 'next-auth' | 'better-auth'; start: number; label: string }
  /** A Clerk webhook handler: `start` of the 'user.created' string. */
  | { kind: 'clerk'; start: number; label: string };

export interface CustomersOptions {
  /** What to edit in this file (a plain jscodeshift run without it works them out as `apply` does). */
  targets?: SignupTarget[];
  framework?: Framework;
  /** How this file imports the billing module (`../lib/billing.js`, `@/lib/billing`). */
  billingImport: string;
  /** Other spellings of the billing module already imported count as the same import. */
  isBillingImport?: (specifier: string) => boolean;
  /** The package's module system, for files that neither import nor require anything. */
  module?: 'esm' | 'cjs';
  /** A configured product has a recurring fixed fee: the person is sent to pay after signup. */
  payment?: boolean;
  /** customers.onError: 'fail' makes a billing failure fail the signup (it must be awaited). */
  onError?: 'log' | 'fail';
  /** The checker's view of this file (made on first use; null where it cannot be had). */
  types?: () => TypeFacts | null;
}

/** State shared by the steps of one file's transform. */
export interface FileEdit {
  j: JSCodeshift;
  ast: t.File;
  /** The file's text (LF), for reusing expressions exactly as written. */
  source: string;
  path: string;
  style: CodeStyle;
  planner: ImportPlanner;
  reporter: Reporter;
  options: CustomersOptions;
  /** The local name of the billing module's `billing` export (imported on first use). */
  billing(): string;
  /** Set by every step that changes the tree. */
  changed: boolean;
}
