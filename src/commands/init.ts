import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace, selectPackage, UsageError } from '../areas/run.js';
import { configFromDetection, schemaReference } from '../config/from-detection.js';
import { CONFIG_FILE } from '../config/types.js';
import { emptyPlan } from '../plan/types.js';
import { EXIT, interactive, runCommand } from './exit.js';
import { presentAndWrite } from './present-plan.js';

interface InitFlags {
  yes?: boolean;
  force?: boolean;
  package?: string;
  dryRun?: boolean;
  json?: boolean;
  allowDirty?: boolean;
}

export function initCommand(): Command {
  return new Command('init')
    .description(`write ${CONFIG_FILE} from what detect finds (billing model, asset, events, placeholder estimates)`)
    .argument('[dir]', 'the app or repository folder', '.')
    .option('-y, --yes', 'write without asking (required without a terminal)')
    .option('--force', `replace an existing ${CONFIG_FILE}`)
    .option('--package <path>', 'the app package to configure, in a monorepo')
    .option('--dry-run', 'show the config, write nothing')
    .option('--json', 'print the plan as JSON')
    .option('--allow-dirty', 'write even when the git tree has uncommitted changes')
    .action((dir: string, flags: InitFlags) =>
      runCommand(async () => {
        // --dry-run and --json only show the config (--json writes only with --yes), so they need no terminal.
        if (!flags.yes && !flags.dryRun && !flags.json && !interactive()) {
          throw new UsageError('init asks before writing and there is no terminal here: pass --yes to write the detected config (or --dry-run to see it)');
        }
        const ws = await openWorkspace(dir);
        const pkg = selectPackage(ws, flags.package);
        const path = pkg.info.path === '.' ? CONFIG_FILE : `${pkg.info.path}/${CONFIG_FILE}`;
        const existing = join(ws.project.dir, path);
        if (existsSync(existing) && !flags.force) throw new UsageError(`${path} already exists; edit it, or pass --force to replace it`);
        const config = configFromDetection(pkg.info, schemaReference(join(ws.project.dir, pkg.info.path), ws.project.dir));
        const plan = emptyPlan('init', pkg.info.path);
        const before = existsSync(existing) ? readFileSync(existing, 'utf8') : null;
        plan.changes.push({ path, action: before === null ? 'create' : 'modify', before, after: `${JSON.stringify(config, null, 2)}\n` });
        if (config.events.length === 0) plan.notes.push('no billable calls were found: add events (and the calls they cover) by hand');
        else plan.notes.push(`estimates and prices are placeholders (estimateReviewed: false): review them in ${path}`);
        const code = await presentAndWrite(plan, ws.project.dir, flags);
        return code === EXIT.ok && config.events.length === 0 ? EXIT.manual : code;
      }),
    );
}
