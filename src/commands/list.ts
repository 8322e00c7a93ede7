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
        const rows: Array<[string, string, string]> = [];
        for (const area of AREAS) {
          // "Applied" means what a second run would mean: planning it changes nothing.
          let state = 'needs init';
          if (config) {
            const plan = await planArea(await area.load(), ws, pkg, config, { verify: false });
            // Sites left to a person (each with a marker) mean the area is not done, even when nothing changes.
            state = plan.changes.length ? `${plan.changes.length} file(s) to change` : plan.manual.length ? `partly applied (${plan.manual.length} step(s) left)` : 'applied';
          }
          rows.push([area.name, state, area.summary]);
        }
        const stateWidth = Math.max(...rows.map(([, state]) => state.length));
        const paint = (state: string) => (state === 'applied' ? pc.green : state === 'needs init' ? pc.dim : pc.yellow)(state.padEnd(stateWidth));
        // `list` only asks whether anything is left; the type-check of what is left is apply's to show.
        for (const [name, state, summary] of rows) process.stdout.write(`${name.padEnd(width)}  ${paint(state)}  ${summary}\n`);
        if (AREAS.length === 0) process.stdout.write('no areas are available yet\n');
        return EXIT.ok;
      }),
    );
}
