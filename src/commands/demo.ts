import { Command } from 'commander';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { configOf, openWorkspace, planArea, selectPackage, UsageError } from '../areas/run.js';
import { AREAS } from '../areas/registry.js';
import { writeChanges } from '../apply/write.js';
import { configFromDetection, schemaReference } from '../config/from-detection.js';
import { CONFIG_FILE } from '../config/types.js';
import { packageRoot } from '../package-root.js';
import { renderDiffs, renderSummary } from '../plan/render.js';
import { EXIT, runCommand } from './exit.js';

const DEFAULT_APP = 'express-ts-esm';

export function demoCommand(): Command {
  return new Command('demo')
    .description('copy a bundled example app to a temporary folder and show what each area changes in it')
    .argument('[app]', 'which example app', DEFAULT_APP)
    .action((app: string) =>
      runCommand(async () => {
        const examples = join(packageRoot(), 'examples');
        const apps = existsSync(examples) ? readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
        if (!apps.includes(app)) throw new UsageError(`no example app "${app}"; examples: ${apps.join(', ') || '(none)'}`);
        const dir = mkdtempSync(join(tmpdir(), `billing-codemod-demo-${app}-`));
        cpSync(join(examples, app), dir, { recursive: true, filter: (src) => !/node_modules|\.next|[/\\]data[/\\]/.test(src) });
        gitCommit(dir, 'example app');
        const colour = Boolean(process.stdout.isTTY);
        const out = (s: string) => process.stdout.write(`${s}\n`);
        out(pc.bold(`Example app ${app} copied to ${dir}`));

        let ws = await openWorkspace(dir);
        writeFileSync(join(dir, CONFIG_FILE), `${JSON.stringify(configFromDetection(selectPackage(ws).info, schemaReference(dir, dir)), null, 2)}\n`);
        gitCommit(dir, 'billing-codemod init');
        out(`\n${pc.bold('$ billing-codemod init --yes')}  → ${CONFIG_FILE} written from detection`);

        for (const area of AREAS) {
          ws = await openWorkspace(dir);
          const pkg = selectPackage(ws);
          const plan = await planArea(await area.load(), ws, pkg, configOf(ws, pkg));
          out(`\n${pc.bold(`$ billing-codemod apply ${area.name}`)}`);
          if (plan.changes.length) out(renderDiffs(plan, colour));
          out(renderSummary(plan, colour));
          // Later areas build on earlier ones (they import the billing module), so each is written before the next.
          writeChanges(dir, plan.changes);
          gitCommit(dir, `billing-codemod apply ${area.name}`);
        }
        out(`\nThe changed copy is in ${dir} (one commit per area: git -C ${dir} log -p).`);
        return EXIT.ok;
      }),
    );
}

function gitCommit(dir: string, message: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  if (!existsSync(join(dir, '.git'))) git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=billing-codemod demo', '-c', 'user.email=demo@billing-codemod.invalid', 'commit', '-q', '--allow-empty', '-m', message);
}
