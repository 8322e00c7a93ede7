// StackInfo: everything detection learns about a target tree, one record per app package.
// `detect --json` prints exactly this; areas plan from it.
import type { Accounts } from './accounts.js';

export type Framework = 'express' | 'fastify' | 'next' | 'unknown';
export type Router = 'app' | 'pages' | 'app+pages' | null;
export type AuthLibrary = 'next-auth' | 'better-auth' | 'clerk' | 'lucia' | 'supabase' | 'passport' | 'custom' | null;
export type BillableProvider = 'openai' | 'anthropic' | 'ai-sdk' | 'replicate' | 'groq' | 'google' | 'langchain' | 'config';

export type HandlerKind =
  | 'express-route'
  | 'fastify-route'
  | 'next-route-handler'
  | 'next-server-action'
  | 'next-pages-api'
  | 'auth-hook';

export interface SignupHandler {
  file: string;
  line: number;
  kind: HandlerKind;
  reason: string;
  /** The statement that creates the user (where customer creation goes after), when found. */
  creates?: { file: string; line: number; call: string };
  /** HTTP method and full path, for routes. */
  route?: string;
  /** Auth library hook, for kind auth-hook (`next-auth events.createUser`). */
  hook?: string;
}

export interface BillableCall {
  file: string;
  line: number;
  provider: BillableProvider;
  /** The call as its SDK names it (`chat.completions.create`), or the callee text for config calls. */
  call: string;
  /** Why this call was recognised (how its client was traced). */
  reason?: string;
  /** The enclosing function when it is not itself a request handler (`summarize` in services/ai.ts). */
  inHelper?: string;
  /** Made with plain HTTP (`fetch`, axios) to the provider's API rather than its SDK. */
  http?: boolean;
}

/** A place in the code, for reports. */
export interface SourceLocation {
  file: string;
  line: number;
  /** What is there (`createGuestUser()`). */
  what: string;
}

export interface PackageInfo {
  /** Package folder relative to the detected directory (`.` for the root). */
  path: string;
  name: string | null;
  framework: Framework;
  frameworkVersion: string | null;
  router: Router;
  language: 'ts' | 'js';
  module: 'esm' | 'cjs';
  srcDir: boolean;
  /** tsconfig/jsconfig path aliases, targets relative to the package folder (`{"@/*": ["./src/*"]}`). */
  aliases: Record<string, string[]>;
  /** Relative imports need a `.js` extension (Node ESM / NodeNext resolution). */
  importExtension: '.js' | '';
  packageManager: 'npm' | 'pnpm' | 'yarn' | 'bun';
  auth: AuthLibrary;
  /** Env files (`.env.example`, ...), relative to the detected directory (`apps/web/.env.example`). */
  envFiles: string[];
  formatter: 'prettier' | 'biome' | null;
  /** The linter the package's config files set up (ESLint flat or legacy, or Biome's); finishing runs it. */
  linter: 'eslint' | 'biome' | null;
  billing: {
    /** Billing libraries already in the dependencies (`stripe`). */
    existing: string[];
    /** The billing module this toolkit generated, when present. */
    module: string | null;
  };
  /** A Blocklet Server app (blocklet.yml or @blocklet/sdk): where PaymentKit's SDK can run. */
  blocklet: boolean;
  /** Dependencies the app declares (names only), for areas that depend on a package being there. */
  dependencies: string[];
  signupHandlers: SignupHandler[];
  billableCalls: BillableCall[];
  /** Who can pay: the app's signed-in identity, guest users, teams, calls with the user's own key (src/detect/accounts.ts). */
  accounts: Accounts;
  /** Files detection could not parse, with the parser's message. */
  unparsed: Array<{ file: string; reason: string }>;
  /** Files of the package left out while reading the tree (binary, over 1 MiB, minified, not UTF-8, unreadable, symlinks), with the reason. */
  skippedFiles: Array<{ file: string; reason: string }>;
}

export interface StackInfo {
  packages: PackageInfo[];
}
