#!/usr/bin/env node
// Commander wiring only: each command lives in src/commands/.
import { Command } from 'commander';
import { applyCommand } from './commands/apply.js';
import { demoCommand } from './commands/demo.js';
import { detectCommand } from './commands/detect.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { pricesCommand } from './commands/prices.js';
import { productsCommand } from './commands/products.js';
import { sandboxCommand } from './commands/sandbox.js';
import { verifyCommand } from './commands/verify.js';
import { toolkitVersion } from './package-root.js';

const program = new Command('billing-codemod')
  .description('Add usage-based billing (Credyt) to a Node web app, one reviewable diff per integration area.')
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
for (const command of [detectCommand(), initCommand(), listCommand(), applyCommand(), productsCommand(), pricesCommand(), verifyCommand(), sandboxCommand(), demoCommand()]) {
  program.addCommand(command.exitOverride(exitOnUsageError).showHelpAfterError('(add --help for usage)'));
}

await program.parseAsync(process.argv);
