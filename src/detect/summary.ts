// The human summary `detect` prints: what was found and where, and what was not.
import pc from 'picocolors';
import { NO_IDENTITY } from './accounts.js';
import type { PackageInfo, StackInfo } from './types.js';

type Paint = (s: string) => string;

export function renderStackSummary(stack: StackInfo, colour: boolean): string {
  const p = colour ? pc : { bold: (s: string) => s, dim: (s: string) => s, yellow: (s: string) => s };
  return stack.packages.map((pkg) => renderPackage(pkg, p.bold, p.dim, p.yellow)).join('\n\n');
}

function renderPackage(pkg: PackageInfo, bold: Paint, dim: Paint, warn: Paint): string {
  const lines: string[] = [];
  const framework = pkg.framework === 'unknown' ? 'no web framework found' : `${pkg.framework}${pkg.frameworkVersion ? ` ${pkg.frameworkVersion}` : ''}`;
  const router = pkg.router ? ` (${pkg.router} router)` : '';
  const facts = [
    `${framework}${router}`,
    pkg.language === 'ts' ? 'TypeScript' : 'JavaScript',
    pkg.module === 'esm' ? 'ESM' : 'CommonJS',
    pkg.srcDir ? 'src/' : null,
    pkg.packageManager,
    `auth: ${pkg.auth ?? 'none found'}`,
  ].filter(Boolean);
  lines.push(bold(`${pkg.path}${pkg.name ? ` (${pkg.name})` : ''}`) + ` — ${facts.join(' · ')}`);
  const aliases = Object.keys(pkg.aliases);
  if (aliases.length) lines.push(`  aliases: ${aliases.join(', ')}`);
  lines.push(`  env files: ${pkg.envFiles.join(', ') || 'none'} · formatter: ${pkg.formatter ?? 'none'} · lint: ${pkg.linter ?? 'none'} · existing billing: ${pkg.billing.existing.join(', ') || 'none'}`);
  if (pkg.billing.module) lines.push(`  billing module: ${pkg.billing.module}`);
  if (pkg.blocklet) lines.push('  Blocklet Server app: PaymentKit (init --provider paymentkit) can run here');

  if (pkg.signupHandlers.length) {
    lines.push(`  signup handlers (${pkg.signupHandlers.length}):`);
    for (const h of pkg.signupHandlers) lines.push(`    ${h.file}:${h.line}  ${h.reason}`);
  } else lines.push(warn('  signup handlers: none found (name one in billing.config.json under customers.signup)'));

  if (pkg.billableCalls.length) {
    lines.push(`  billable calls (${pkg.billableCalls.length}):`);
    for (const c of pkg.billableCalls) lines.push(`    ${c.file}:${c.line}  ${c.provider} ${c.call}${c.reason ? dim(`  (${c.reason})`) : ''}`);
  } else lines.push(warn('  billable calls: none found (name calls in billing.config.json under events[].calls)'));

  const { accounts } = pkg;
  if (!accounts.identity) lines.push(warn(`  user identity: none found — ${NO_IDENTITY.replace(/^this app has no user identity \([^)]*\), so /, '')}`));
  else lines.push(`  signed-in users: ${accounts.identity}`);
  for (const g of accounts.guests) lines.push(`  users created without signup: ${g.what} at ${g.file}:${g.line}`);
  if (accounts.teams) lines.push(`  teams or organizations: ${accounts.teams} (customers.entity bills them instead of users)`);
  for (const k of accounts.ownKeys) lines.push(warn(`  user's own provider key: ${k.what} at ${k.file}:${k.line} (calls made with it are paid by the user)`));

  if (pkg.skippedFiles.length) {
    lines.push(warn(`  files left out (${pkg.skippedFiles.length}):`));
    for (const s of pkg.skippedFiles) lines.push(`    ${s.file}: ${s.reason}`);
  }
  if (pkg.unparsed.length) {
    lines.push(warn(`  files that do not parse (${pkg.unparsed.length}), skipped:`));
    for (const u of pkg.unparsed) lines.push(`    ${u.file}: ${u.reason}`);
  }
  return lines.join('\n');
}
