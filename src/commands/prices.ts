// `prices`: the price table cost-tracking and the gate estimates use, its date and source; warns when it
// is older than STALE_AFTER_DAYS, since vendors change prices and an old table under-states or over-states costs.
import { Command } from 'commander';
import pc from 'picocolors';
import { priceFile, STALE_AFTER_DAYS, tableAgeDays, type PriceFile } from '../costs/price-table.js';
import { EXIT, runCommand } from './exit.js';

export function pricesCommand(): Command {
  return new Command('prices')
    .description("print the AI price table cost-tracking uses (USD per million tokens, per image, per minute), with its date and source")
    .option('--vendor <name>', 'only this vendor (openai, anthropic, google)')
    .option('--json', 'print the table as JSON')
    .action((flags: { vendor?: string; json?: boolean }) =>
      runCommand(async () => {
        const table = priceFile();
        const age = tableAgeDays(table.takenAt);
        const vendors = Object.keys(table.vendors).filter((v) => !flags.vendor || v === flags.vendor);
        if (flags.vendor && vendors.length === 0) {
          process.stderr.write(`${pc.red('error')} no vendor "${flags.vendor}" in the table (it has ${Object.keys(table.vendors).join(', ')})\n`);
          return EXIT.usage;
        }
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ ...table, ageDays: age, stale: age > STALE_AFTER_DAYS, vendors: Object.fromEntries(vendors.map((v) => [v, table.vendors[v]])) }, null, 2)}\n`);
          return EXIT.ok;
        }
        process.stdout.write(render(table, vendors));
        if (age > STALE_AFTER_DAYS) {
          process.stderr.write(`${pc.yellow('warning')} the table is ${age} days old (taken ${table.takenAt}): check the vendors' pricing pages and put what changed in costs.prices in billing.config.json\n`);
        }
        return EXIT.ok;
      }),
    );
}

/** The table as text: one line per model, then image and audio prices. Pure, for tests. */
export function render(table: PriceFile, vendors: string[]): string {
  const lines = [`Prices taken ${table.takenAt} from ${table.source}`, `${table.unit}; cached = cache read, write = cache write`, ''];
  const money = (n: number | undefined) => (n === undefined ? '-' : String(n));
  for (const vendor of vendors) {
    const { models, pricingUrl } = table.vendors[vendor];
    lines.push(`${vendor} (${models.length} models${pricingUrl ? `, ${pricingUrl}` : ''})`);
    const width = Math.max(...models.map((m) => m.id.length));
    lines.push(`  ${'model'.padEnd(width)}  ${'input'.padStart(8)}  ${'cached'.padStart(8)}  ${'write'.padStart(8)}  ${'output'.padStart(8)}`);
    for (const m of models) {
      lines.push(`  ${m.id.padEnd(width)}  ${money(m.input).padStart(8)}  ${money(m.cachedInput).padStart(8)}  ${money(m.cacheWrite).padStart(8)}  ${money(m.output).padStart(8)}${m.tiered ? '  (long-context tier not applied)' : ''}`);
    }
    lines.push('');
  }
  const images = table.images.models.filter((r) => vendors.includes(r.vendor));
  if (images.length) {
    lines.push(`images, USD per image (${table.images.source})`);
    for (const r of images) lines.push(`  ${r.model} ${r.quality} ${r.size}: ${r.price}`);
    lines.push('');
  }
  const audio = table.audio.models.filter((r) => vendors.includes(r.vendor));
  if (audio.length) {
    lines.push(`audio (${table.audio.source})`);
    for (const r of audio) lines.push(`  ${r.model}: ${r.perMinute !== undefined ? `${r.perMinute} per minute` : `${r.perMillionCharacters} per million characters`}`);
    lines.push('');
  }
  return lines.join('\n');
}
