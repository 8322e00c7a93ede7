import { Command } from 'commander';
import { configOf, openWorkspace, planArea, selectPackage, UsageError } from '../areas/run.js';
import { AREAS, findArea } from '../areas/registry.js';
import { runCommand } from './exit.js';
import { presentAndWrite } from './present-plan.js';

interface ApplyFlags {
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
  allowDirty?: boolean;
  force?: boolean;
  package?: string;
  verify?: boolean;
}

export function applyCommand(): Command {
  return new Command('apply')
    .description('plan one integration area as a diff, then write it (asks first in a terminal)')
    .argument('<area>', `one of: ${AREAS.map((a) => a.name).join(', ') || '(none yet)'}`)
    .argument('[dir]', 'the app or repository folder', '.')
    .option('-y, --yes', 'write without asking')
    .option('--dry-run', 'show the diff, write nothing')
    .option('--json', 'print the plan as JSON (writes only with --yes)')
    .option('--allow-dirty', 'write even when the git tree has uncommitted changes')
    .option('--force', 'regenerate files the user has edited (the billing module of client-setup, the costs module of cost-tracking)')
    .option('--package <path>', 'the app package to change, in a monorepo')
    .option('--no-verify', "do not type-check the edits with the app's TypeScript settings before showing them")
    .action((areaName: string, dir: string, flags: ApplyFlags) =>
      runCommand(async () => {
        const area = await findArea(areaName);
        if (!area) throw new UsageError(`unknown area "${areaName}"; areas: ${AREAS.map((a) => a.name).join(', ')}`);
        const ws = await openWorkspace(dir);
        const pkg = selectPackage(ws, flags.package);
        const config = configOf(ws, pkg);
        const plan = await planArea(area, ws, pkg, config, { force: flags.force, verify: flags.verify !== false });
        return presentAndWrite(plan, ws.project.dir, flags);
      }),
    );
}
