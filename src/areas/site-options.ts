// The package-wide facts every file's billable sites are read with: traced clients, handlers routed from
// other files, what router-level middleware puts on the request, where the app's session getters keep the
// user id. Computed once per run; the function returned hands a transform the part for its file.
import type { BillingConfig } from '../config/types.js';
import type { DetectedPackage } from '../detect/stack.js';
import { idPathsIn } from '../analysis/signed-in-user.js';
import type { SiteOptions } from './billable-sites.js';
import { lazyTypeFacts } from '../analysis/type-facts.js';
import { handlerHints } from './handler-hints.js';
import { middlewarePropsOf } from './router-middleware.js';

/** Files that may hold a session or user getter whose id path the app reads (a text test before parsing). */
const MAY_READ_SESSION = /Session|User|auth\(/;

export function packageSiteOptions(pkg: DetectedPackage, config: BillingConfig): (file: string) => SiteOptions {
  const { info } = pkg;
  // Each file with a billable call is asked who its user is: one program for all of them, not one per file.
  pkg.ctx.expectTypeQuestions(new Set(info.billableCalls.map((c) => c.file)));
  const hints = handlerHints(pkg);
  const idPaths = idPathsIn(pkg.ctx.sources.filter(([, text]) => MAY_READ_SESSION.test(text)).flatMap(([file]) => pkg.ctx.parse(file) ?? []));
  const middlewareProps = middlewarePropsOf(pkg);
  const clientIndex = pkg.ctx.clientIndex();
  return (file) => ({
    types: lazyTypeFacts(() => pkg.ctx.typeProgram(), file),
    framework: info.framework,
    router: info.router,
    config,
    clientIndex,
    resolve: pkg.ctx.resolve,
    origin: pkg.ctx.origin,
    dependencies: info.dependencies,
    hints: hints.get(file) ?? [],
    passport: info.auth === 'passport',
    nullSafe: true,
    idPaths,
    middlewareProps,
  });
}
