import { Command } from 'commander';
import { join } from 'node:path';
import pc from 'picocolors';
import { openWorkspace, type Workspace } from '../areas/run.js';
import { ConfigError, loadConfig } from '../config/load.js';
import { renderStackSummary } from '../detect/summary.js';
import type { StackInfo } from '../detect/types.js';
import { EXIT, runCommand } from './exit.js';

export function detectCommand(): Command {
  return new Command('detect')
    .description('show the stack, signup handlers and billable calls of an app (or each app of a monorepo)')
    .argument('[dir]', 'the app or repository folder', '.')
    .option('--json', 'print the StackInfo record as JSON')
    .action((dir: string, opts: { json?: boolean }) =>
      runCommand(async () => {
        const ws = await openWorkspace(dir);
        warnAboutConfigs(ws);
        const stack: StackInfo = { packages: ws.packages.map((p) => p.info) };
        process.stdout.write(opts.json ? `${JSON.stringify(stack, null, 2)}\n` : `${renderStackSummary(stack, Boolean(process.stdout.isTTY))}\n`);
        return EXIT.ok;
      }),
    );
}

/** Detection works without a config; a broken one is still worth a warning (its named calls were not read). */
function warnAboutConfigs(ws: Workspace): void {
  for (const pkg of ws.packages) {
    try {
      loadConfig(join(ws.project.dir, pkg.info.path));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`${pc.yellow('warning')} ${error.message}\n  (detected without it: calls it names are not reported)\n`);
    }
  }
}
