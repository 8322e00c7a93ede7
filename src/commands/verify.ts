// `verify`: is billing wired in completely? Static checks by default (fast, for CI: a billable call added
// later without billing fails the build); --live also runs a test customer through the billing API.
import { Command } from 'commander';
import pc from 'picocolors';
import { configOf, openWorkspace, selectPackage, UsageError } from '../areas/run.js';
import { staticChecks, type Check } from '../verify/static-checks.js';
import { EXIT, runCommand } from './exit.js';

interface VerifyFlags {
  package?: string;
  json?: boolean;
  strict?: boolean;
  live?: boolean;
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description('check that billing is wired in: every billable call metered and gated, customers at signup, the module server-only (exit 1 on a failure)')
    .argument('[dir]', 'the app or repository folder', '.')
    .option('--package <path>', 'the app package to check, in a monorepo')
    .option('--strict', 'also fail on sites left to a person (TODO(billing-codemod) markers)')
    .option('--live', 'also run a test customer through the billing API (CREDYT_API_URL, CREDYT_API_KEY): fees, balance, refusal')
    .option('--json', 'print the checks as JSON')
    .action((dir: string, flags: VerifyFlags) =>
      runCommand(async () => {
        const ws = await openWorkspace(dir);
        const pkg = selectPackage(ws, flags.package);
        const config = configOf(ws, pkg);
        if (flags.live && config.provider !== 'credyt') {
          throw new UsageError(`verify --live runs a test customer through Credyt (or its sandbox); this app's provider is ${config.provider}: run its e2e flow against \`billing-codemod sandbox --provider credits-service\` or Payment Kit's test mode instead`);
        }
        const checks = await staticChecks(ws, pkg, config, flags.strict === true);
        if (flags.live) {
          const { liveChecks } = await import('../verify/live-checks.js');
          checks.push(...(await liveChecks(config)));
        }
        const ok = checks.every((c) => c.status !== 'fail');
        if (flags.json) process.stdout.write(`${JSON.stringify({ package: pkg.info.path, ok, checks }, null, 2)}\n`);
        else process.stdout.write(renderChecks(checks));
        return ok ? EXIT.ok : EXIT.failure;
      }),
    );
}

/** The checks as a table: status, name, what was found, and where (file:line), one location per line. Pure, for tests. */
export function renderChecks(checks: Check[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  const mark = { pass: pc.green('pass'), fail: pc.red('FAIL'), skip: pc.dim('skip') };
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(`${mark[check.status]}  ${check.name.padEnd(width)}  ${check.detail}`);
    if (check.status !== 'skip') for (const at of check.locations.slice(0, 20)) lines.push(`      ${' '.repeat(width)}  ${at.path}${at.line !== undefined ? `:${at.line}` : ''}`);
  }
  const failed = checks.filter((c) => c.status === 'fail').length;
  lines.push('', failed ? pc.red(`${failed} check(s) failed`) : pc.green('billing is wired in'));
  return `${lines.join('\n')}\n`;
}
