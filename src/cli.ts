#!/usr/bin/env node
// Commander wiring only: each command lives in src/commands/.
import { Command } from 'commander';
import { toolkitVersion } from './package-root.js';

const program = new Command('billing-codemod')
  .description('Add usage-based billing (Credyt, PaymentKit or your own credits service) to a Node web app, one reviewable diff per integration area.')
  .version(toolkitVersion())
  .showHelpAfterError('(add --help for usage)')
  .addHelpText(
    'after',
    `
Exit codes: 0 done or nothing to do, 1 failure, 2 bad usage or config, 3 applied with manual steps left.

Typical run:
  billing-codemod detect ./my-app
  billing-codemod init ./my-app --yes
  billing-codemod apply client-setup ./my-app`,
  );

// Commander's own usage errors (unknown option, missing argument) exit 2, like ours; help and version exit 0.
const exitOnUsageError = (err: { exitCode: number }) => process.exit(err.exitCode === 0 ? 0 : 2);
program.exitOverride(exitOnUsageError);
// Each command's module (and what it imports) is loaded only when that command runs; help loads them all.
const COMMANDS: Record<string, () => Promise<Command>> = {
  detect: async () => (await import('./commands/detect.js')).detectCommand(),
  init: async () => (await import('./commands/init.js')).initCommand(),
  list: async () => (await import('./commands/list.js')).listCommand(),
  apply: async () => (await import('./commands/apply.js')).applyCommand(),
  products: async () => (await import('./commands/products.js')).productsCommand(),
  prices: async () => (await import('./commands/prices.js')).pricesCommand(),
  verify: async () => (await import('./commands/verify.js')).verifyCommand(),
  sandbox: async () => (await import('./commands/sandbox.js')).sandboxCommand(),
  demo: async () => (await import('./commands/demo.js')).demoCommand(),
};
const asked = process.argv[2];
const wanted = asked !== undefined && asked in COMMANDS ? [asked] : /^(-V|--version)$/.test(asked ?? '') ? [] : Object.keys(COMMANDS);
for (const name of wanted) {
  const command = await COMMANDS[name]!();
  program.addCommand(command.exitOverride(exitOnUsageError).showHelpAfterError('(add --help for usage)'));
}

await program.parseAsync(process.argv);
