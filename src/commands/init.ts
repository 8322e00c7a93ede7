import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace, selectPackage, UsageError } from '../areas/run.js';
import { schemaReference } from '../config/from-detection.js';
import { parseConfig } from '../config/load.js';
import { configFromAnswers, type Answers } from '../init/answers.js';
import { answersFromFlags, type InitAnswerFlags } from '../init/flags.js';
import { CONFIG_FILE, type BillingConfig, type ProviderId } from '../config/types.js';
import type { PackageInfo } from '../detect/types.js';
import { providerOf } from '../providers/registry.js';
import { emptyPlan } from '../plan/types.js';
import { EXIT, interactive, runCommand } from './exit.js';
import { presentAndWrite } from './present-plan.js';

interface InitFlags extends InitAnswerFlags {
  yes?: boolean;
  force?: boolean;
  package?: string;
  dryRun?: boolean;
  json?: boolean;
  allowDirty?: boolean;
  provider?: string;
}

export function initCommand(): Command {
  return new Command('init')
    .description(`ask what the app charges for and how, then write ${CONFIG_FILE} (what detect found pre-filled; --yes asks nothing)`)
    .argument('[dir]', 'the app or repository folder', '.')
    .option('-y, --yes', 'write without asking (required without a terminal)')
    .option('--force', `replace an existing ${CONFIG_FILE}`)
    .option('--package <path>', 'the app package to configure, in a monorepo')
    .option('--dry-run', 'show the config, write nothing')
    .option('--json', 'print the plan as JSON')
    .option('--allow-dirty', 'write even when the git tree has uncommitted changes')
    .option('--provider <provider>', "credyt (default), paymentkit (inside a Blocklet Server app) or credits-service (the app's own Billing API)")
    .option('--events <types>', 'the kinds of call to bill, comma-separated (default: every kind detect found)')
    .option('--model <model>', 'prepaid (top up, usage paid as it happens), recurring (a monthly fee) or hybrid (a fee that includes an allowance)')
    .option('--fee <usd>', 'the monthly fee in US dollars (recurring, hybrid)')
    .option('--allowance <amount>', 'what the fee includes each month, in the asset (hybrid)')
    .option('--asset <code>', 'USD, or the code of your own credits (CREDIT)')
    .option('--asset-name <name>', 'the credits\' name (default Credits)')
    .option('--asset-rate <usd>', 'what one credit costs in US dollars (default 0.01)')
    .option('--asset-precision <digits>', 'the credits\' decimal places (default 0)')
    .option('--price <type=price>', 'an event\'s price in the asset, per unit of its volume field or per call (repeatable)', collect, [])
    .option('--per-call <type>', 'price this event per call instead of per token or image (repeatable)', collect, [])
    .option('--volume-field <type=field>', 'the data field an event is priced per unit of, such as output_tokens (repeatable)', collect, [])
    .option('--dimensions <type=fields>', 'what each event records besides its volume: model, or none (repeatable)', collect, [])
    .option('--entity <who>', 'who pays: user, organization or team')
    .option('--signup-credits <amount>', 'free credits every new customer gets, in the asset (default 0)')
    .action((dir: string, flags: InitFlags) =>
      runCommand(async () => {
        // --dry-run and --json only show the config (--json writes only with --yes), so they need no terminal.
        if (!flags.yes && !flags.dryRun && !flags.json && !interactive()) {
          throw new UsageError('init asks before writing and there is no terminal here: pass --yes to write the detected config (or --dry-run to see it)');
        }
        const provider = providerFlag(flags.provider);
        const ws = await openWorkspace(dir);
        const pkg = selectPackage(ws, flags.package);
        const path = pkg.info.path === '.' ? CONFIG_FILE : `${pkg.info.path}/${CONFIG_FILE}`;
        const existing = join(ws.project.dir, path);
        if (existsSync(existing) && !flags.force) throw new UsageError(`${path} already exists; edit it, or pass --force to replace it`);
        const fromFlags = answersFromFlags(pkg.info, flags);
        let answers = fromFlags.answers;
        if (interactive() && !flags.yes && !flags.dryRun && !flags.json) {
          const { askAnswers, Cancelled } = await import('../init/ask.js');
          try {
            answers = await askAnswers(pkg.info, answers, fromFlags.given, fromFlags.explicitPrices);
          } catch (error) {
            if (!(error instanceof Cancelled)) throw error;
            process.stderr.write(`${error.message}\n`);
            return EXIT.failure;
          }
        }
        const config = withProvider(configFromAnswers(pkg.info, answers, schemaReference(join(ws.project.dir, pkg.info.path), ws.project.dir)), provider);
        // What init writes is what the loader accepts: a config that fails its own schema is a bug, not a file.
        parseConfig(JSON.stringify(config), path);
        const plan = emptyPlan('init', pkg.info.path);
        const before = existsSync(existing) ? readFileSync(existing, 'utf8') : null;
        plan.changes.push({ path, action: before === null ? 'create' : 'modify', before, after: `${JSON.stringify(config, null, 2)}\n` });
        if (config.events.length === 0) plan.notes.push('no billable calls were found: add events (and the calls they cover) by hand');
        else plan.notes.push(`estimates and prices are placeholders (estimateReviewed: false): review them in ${path}`);
        plan.notes.push(...modelNotes(answers), ...providerNotes(config, pkg.info));
        const code = await presentAndWrite(plan, ws.project.dir, flags);
        return code === EXIT.ok && config.events.length === 0 ? EXIT.manual : code;
      }),
    );
}

const PROVIDER_IDS: ProviderId[] = ['credyt', 'paymentkit', 'credits-service'];

function providerFlag(value: string | undefined): ProviderId {
  if (value === undefined) return 'credyt';
  if (!PROVIDER_IDS.includes(value as ProviderId)) throw new UsageError(`--provider must be ${PROVIDER_IDS.join(', ')}`);
  return value as ProviderId;
}

/** The provider's own section, with what it needs to start (the credits service: the session comes as a cookie). */
function withProvider(config: BillingConfig, provider: ProviderId): BillingConfig {
  const own = provider === 'credits-service' ? { creditsService: { auth: 'cookie' as const } } : {};
  return { ...config, provider, ...own };
}

/** What the chosen provider means for this app, said before anything is written. */
function providerNotes(config: BillingConfig, info: PackageInfo): string[] {
  const provider = providerOf(config);
  const notes: string[] = [];
  const misfit = provider.misfit(info);
  if (misfit) notes.push(misfit);
  if (config.provider === 'credits-service') {
    notes.push('the credits service is called with the signed-in user\'s session: creditsService.auth says how (cookie, or bearer); name its deduction endpoint (creditsService.deduct) for usage-events to bill calls');
  }
  const unsupported = ['customers', 'usage-events', 'webhooks', 'cost-tracking'].flatMap((area) => (provider.unsupported(area, config) ? [area] : []));
  if (unsupported.length) notes.push(`with ${provider.name}, these areas change nothing (each says why): ${unsupported.join(', ')}`);
  return notes;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function modelNotes(answers: Answers): string[] {
  const notes: string[] = [];
  if (answers.model === 'recurring') notes.push('a recurring fee only: usage is metered, not charged, so skip balance-gates (an empty balance would refuse every call)');
  if (answers.model === 'hybrid') notes.push("the monthly allowance is a product entitlement (lifecycle: month); Credyt's docs show two entitlement shapes, so check it in the dashboard after `billing-codemod products push`");
  if (answers.model !== 'prepaid') notes.push('customers pay the fee before their subscription is active: apply webhooks to learn when (subscription.activated)');
  if (answers.signupCredits > 0) notes.push(`every new customer gets ${answers.signupCredits} ${answers.asset === 'USD' ? 'USD' : answers.asset.code} free at signup: the billing module grants it once per user (client-setup writes it, customers calls it)`);
  return notes;
}
