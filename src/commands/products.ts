// `products push`: the config's catalog into Credyt (or the sandbox), payloads shown before anything is sent.
import { Command } from 'commander';
import pc from 'picocolors';
import { configOf, openWorkspace, selectPackage, UsageError } from '../areas/run.js';
import { providerOf } from '../providers/registry.js';
import { ApiUnavailable, catalogApi } from '../catalog/api.js';
import { planPush, runPush, simulatePrices, type PushPlan, type Simulation } from '../catalog/push.js';
import { EXIT, interactive, runCommand } from './exit.js';

interface PushFlags {
  package?: string;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
}

export function productsCommand(): Command {
  const products = new Command('products').description("the config's assets, vendors and products in Credyt");
  products
    .command('push')
    .description('create what the config defines in Credyt (CREDYT_API_URL, CREDYT_API_KEY): payloads first, changed prices as new versions, then one simulated event per price')
    .argument('[dir]', 'the app or repository folder', '.')
    .option('--package <path>', 'the app package, in a monorepo')
    .option('--dry-run', 'show what would be sent, send nothing')
    .option('-y, --yes', 'send without asking (required without a terminal)')
    .option('--json', 'print the plan and the results as JSON')
    .action((dir: string, flags: PushFlags) =>
      runCommand(async () => {
        const ws = await openWorkspace(dir);
        const config = configOf(ws, selectPackage(ws, flags.package));
        const noPush = providerOf(config).noPush;
        if (noPush) throw new UsageError(`products push: ${noPush}`);
        let api;
        try {
          api = catalogApi();
        } catch (error) {
          if (error instanceof ApiUnavailable) return fail(error.message);
          throw error;
        }
        try {
          const plan = await planPush(api, config);
          if (!flags.json) process.stdout.write(renderPlan(plan, api.url));
          if (plan.problems.length) return flags.json ? json({ plan, written: false }, EXIT.failure) : EXIT.failure;
          if (flags.dryRun || plan.steps.length === 0) {
            const simulations = plan.steps.length === 0 ? await simulatePrices(api, config) : [];
            if (!flags.json) process.stdout.write(renderSimulations(simulations));
            return flags.json ? json({ plan, written: false, simulations }, verdict(simulations)) : verdict(simulations);
          }
          if (!flags.yes && !(interactive() && (await confirm(`send ${plan.steps.length} request(s) to ${api.url}?`)))) {
            if (!interactive()) return fail('products push sends requests to the billing API: pass --yes (or --dry-run to see them)');
            process.stdout.write('nothing sent\n');
            return EXIT.ok;
          }
          const done = await runPush(api, plan);
          const simulations = await simulatePrices(api, config);
          if (flags.json) return json({ plan, written: true, results: done.map((d) => ({ what: d.step.what, status: d.status })), simulations }, verdict(simulations));
          for (const d of done) process.stdout.write(`${pc.green('done')} ${d.step.what} (${d.status})\n`);
          process.stdout.write(renderSimulations(simulations));
          return verdict(simulations);
        } catch (error) {
          if (error instanceof ApiUnavailable) return fail(error.message);
          throw error;
        }
      }),
    );
  return products;
}

const fail = (message: string) => {
  process.stderr.write(`${pc.red('error')} ${message}\n`);
  return EXIT.failure;
};

const json = (value: unknown, code: number) => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return code;
};

const verdict = (simulations: Simulation[]) => (simulations.every((s) => s.ok) ? EXIT.ok : EXIT.failure);

async function confirm(message: string): Promise<boolean> {
  const { confirm: ask, isCancel } = await import('@clack/prompts');
  const answer = await ask({ message });
  return !isCancel(answer) && answer === true;
}

/** Each request with its exact body, then what already matches and what cannot be pushed. Pure, for tests. */
export function renderPlan(plan: PushPlan, url: string): string {
  const lines = [`billing API: ${url}`];
  for (const step of plan.steps) lines.push(`${pc.cyan(`${step.method} ${step.path}`)}  ${step.what}`, ...JSON.stringify(step.body, null, 2).split('\n').map((l) => `  ${l}`));
  for (const same of plan.unchanged) lines.push(`${pc.dim('same')} ${same}`);
  for (const problem of plan.problems) lines.push(`${pc.red('problem')} ${problem}`);
  if (plan.steps.length === 0 && plan.problems.length === 0) lines.push('nothing to send: Credyt already has what the config defines');
  return `${lines.join('\n')}\n`;
}

export function renderSimulations(simulations: Simulation[]): string {
  if (simulations.length === 0) return '';
  const money = (fees: Array<{ asset: string; amount: number }> | null) => (fees === null ? 'not simulated' : fees.map((f) => `${f.amount} ${f.asset}`).join(' + ') || 'no fee');
  const lines = ['one simulated event per price (fee charged / price in the config):'];
  for (const s of simulations) {
    lines.push(`${s.ok ? pc.green('ok  ') : pc.red('DIFF')} ${s.product} "${s.price}" ${s.eventType} ${JSON.stringify(s.data)}: ${money(s.fee)} / ${money(s.expected)}`);
  }
  return `${lines.join('\n')}\n`;
}
