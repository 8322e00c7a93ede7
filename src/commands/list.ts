import { Command } from 'commander';
import pc from 'picocolors';
import { join } from 'node:path';
import { openWorkspace, planArea, selectPackage } from '../areas/run.js';
import { AREAS } from '../areas/registry.js';
import { loadConfig } from '../config/load.js';
import { EXIT, runCommand } from './exit.js';

export function listCommand(): Command {
  return new Command('list')
    .description('list the integration areas and whether each looks applied in an app')
    .argument('[dir]', 'the app or repository folder', '.')
    .option('--package <path>', 'the app package to look at, in a monorepo')
    .action((dir: string, flags: { package?: string }) =>
      runCommand(async () => {
        const ws = await openWorkspace(dir);
        const pkg = selectPackage(ws, flags.package);
        const config = loadConfig(join(ws.project.dir, pkg.info.path));
        const width = Math.max(...AREAS.map((a) => a.name.length), 4);
        for (const area of AREAS) {
          // "Applied" means what a second run would mean: planning it changes nothing.
          let state = pc.dim('needs init');
          if (config) {
            const plan = await planArea(area, ws, pkg, config);
            state = plan.changes.length === 0 ? pc.green('applied') : pc.yellow(`not applied (${plan.changes.length} file(s) would change)`);
          }
          process.stdout.write(`${area.name.padEnd(width)}  ${area.summary}  ${state}\n`);
        }
        if (AREAS.length === 0) process.stdout.write('no areas are available yet\n');
        return EXIT.ok;
      }),
    );
}
