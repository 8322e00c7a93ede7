// An app nobody signs in to has no one to bill per user: the areas that bill a signed-in user say so once,
// list the calls they leave, and change nothing (no marker in every file for one missing piece).
import { NO_IDENTITY } from '../detect/accounts.js';
import type { PackageInfo } from '../detect/types.js';
import type { Plan } from '../plan/types.js';

/** True (and the plan filled in) when the app has no user identity at all. */
export function leftForNoIdentity(plan: Plan, info: PackageInfo): boolean {
  if (info.accounts.identity || info.billableCalls.length === 0) return false;
  plan.notes.push(NO_IDENTITY);
  for (const call of info.billableCalls) plan.skipped.push({ path: call.file, line: call.line, reason: `${call.provider}:${call.call}: no user identity in this app` });
  plan.manual.push({ message: `Decide who pays: ${NO_IDENTITY}.` });
  return true;
}
