// The emitter: one TypeScript ESM source in, the form an app needs out (TypeScript or JavaScript, ESM or
// CommonJS). Provider-agnostic: any generated module written as plain TypeScript goes through here.
import { stripTypes } from './strip-types.js';
import { parseModule, printModule, tidy } from './syntax.js';
import { toCommonJs } from './to-commonjs.js';

export interface EmitOptions {
  language: 'ts' | 'js';
  module: 'esm' | 'cjs';
}

/**
 * TypeScript stays ESM syntax whatever the app's module system: TypeScript compiles `import`/`export` to
 * `require`/`exports` for CommonJS apps, and a `.ts` file without them would not be a module its callers could
 * import with types.
 */
export function emitModule(source: string, options: EmitOptions): string {
  const ast = parseModule(source);
  if (options.language === 'ts') return printModule(ast);
  stripTypes(ast);
  const code = printModule(ast);
  return options.module === 'cjs' ? tidy(toCommonJs(code)) : code;
}

export { findRuntimeTypeScript, stripTypes } from './strip-types.js';
export { toCommonJs } from './to-commonjs.js';
export { parseModule, printModule, tidy } from './syntax.js';
export { jsLiteral, type LiteralValue } from '../../ast/literal.js';
