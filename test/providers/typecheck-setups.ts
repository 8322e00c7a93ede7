// The compiler setups the generated modules are type-checked in (strict and then some, the way apps configure
// TypeScript), and running the real tsc over a folder: shared by the Credyt and the other providers' suites.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const REPO = new URL('../..', import.meta.url).pathname;
const TSC = join(REPO, 'node_modules/.bin/tsc');

export const STRICTER = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
  types: ['node'],
};

/** NodeNext in an ESM and a CommonJS package, Next.js's bundler setup, and an older Next.js app targeting ES5. */
export const SETUPS = [
  { name: 'NodeNext, ESM package', packageType: 'module', module: 'esm', next: false, options: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], verbatimModuleSyntax: true } },
  { name: 'NodeNext, CommonJS package', packageType: 'commonjs', module: 'cjs', next: false, options: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2020', lib: ['ES2020'] } },
  { name: 'bundler (Next.js)', packageType: 'module', module: 'esm', next: true, options: { module: 'esnext', moduleResolution: 'bundler', target: 'ES2017', lib: ['dom', 'dom.iterable', 'esnext'], jsx: 'preserve', allowJs: true } },
  // Older create-next-app: target ES5 without downlevelIteration (a Set or Map spread does not compile there).
  { name: 'Next.js, target ES5', packageType: 'module', module: 'esm', next: true, options: { module: 'esnext', moduleResolution: 'node', target: 'es5', lib: ['dom', 'dom.iterable', 'esnext'], jsx: 'preserve', allowJs: true } },
] as const;

/** `tsc --noEmit -p dir/tsconfig.json`: its exit code and output. */
export function runTsc(dir: string): Promise<{ code: number; output: string }> {
  return promisify(execFile)(TSC, ['--noEmit', '-p', join(dir, 'tsconfig.json')], { cwd: dir }).then(
    () => ({ code: 0, output: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
}
