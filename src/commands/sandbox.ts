// `billing-codemod sandbox`: runs the local Credyt-compatible API (or, with --provider credits-service, a local
// credits service) until SIGINT or SIGTERM.
import { parseConfig } from '../config/load.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { BillingConfig } from '../config/types.js';
import { SeedError } from '../sandbox/seed.js';
import { type Sandbox, startSandbox } from '../sandbox/server.js';
import { startCreditsSandbox } from '../sandbox/credits-service.js';

export interface SandboxCommandHooks {
  /** Called once the server listens; its `close()` also stops listening for signals. For tests. */
  onListening?: (sandbox: Sandbox) => void;
  /** How the process ends after a signal (default process.exit). */
  exit?: (code: number) => void;
}

interface Options {
  port: number;
  host: string;
  config: string;
  state?: string;
  key?: string;
  provider?: string;
  bare?: boolean;
}

const PROVIDERS = ['credyt', 'credits-service'];

export function sandboxCommand(hooks: SandboxCommandHooks = {}): Command {
  const command: Command = new Command('sandbox')
    .description('run a local Credyt-compatible API (or credits service) for trying the integration offline')
    .option('--provider <provider>', `what to run: ${PROVIDERS.join(' or ')} (default: the config's provider; PaymentKit runs only inside Blocklet Server)`)
    .option('--port <port>', 'port to listen on (0 = any free port; default 4010, 4020 for the credits service)', parsePort)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--config <file>', 'billing config whose assets and products are seeded', 'billing.config.json')
    .option('--state <file>', 'keep state in this JSON file across restarts (default: memory only)')
    .option('--key <key>', 'accept only this X-CREDYT-API-KEY value (default: any non-empty key)')
    .option('--bare', 'credits service: answer bare JSON instead of { success, data }');

  command.action(async (options: Options) => {
    const output = command.configureOutput();
    const writeOut = output.writeOut ?? ((text: string) => process.stdout.write(text));
    let config: BillingConfig | undefined;
    let sandbox: Sandbox;
    try {
      config = readConfig(options.config, command.getOptionValueSource('config') === 'default');
      const provider = options.provider ?? config?.provider ?? 'credyt';
      if (!PROVIDERS.includes(provider)) throw new Error(`--provider must be ${PROVIDERS.join(' or ')}${provider === 'paymentkit' ? ' (PaymentKit runs only inside Blocklet Server; its SDK has no URL to point at a sandbox)' : ''}, not ${provider}`);
      if (provider === 'credits-service') {
        const log = (line: string) => writeOut(`${line}\n`);
        sandbox = await startCreditsSandbox({ port: options.port ?? 4020, host: options.host, config, bare: options.bare, log });
      } else sandbox = await startSandbox({
        port: options.port ?? 4010,
        host: options.host,
        key: options.key,
        config,
        statePath: options.state ? resolve(options.state) : undefined,
        log: (line) => writeOut(`${line}\n`),
      });
    } catch (error) {
      const message = error instanceof SeedError ? `config file ${options.config}: ${error.message}` : (error as Error).message;
      command.error(`sandbox: ${message}`, { exitCode: 1, code: 'sandbox.start' });
    }

    const signals = ['SIGINT', 'SIGTERM'] as const;
    const stop = async () => {
      for (const signal of signals) process.off(signal, onSignal);
      await sandbox.close();
    };
    const onSignal = () => {
      stop().then(
        () => (hooks.exit ?? process.exit)(0),
        (error: unknown) => {
          process.stderr.write(`sandbox: error while stopping: ${(error as Error).message}\n`);
          (hooks.exit ?? process.exit)(1);
        },
      );
    };
    for (const signal of signals) process.once(signal, onSignal);

    writeOut(`listening on ${sandbox.url}\n`);
    hooks.onListening?.({ url: sandbox.url, port: sandbox.port, close: stop });
  });
  return command;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return port;
}

/**
 * The default config file may be absent (the sandbox then starts empty); a named one must exist and parse.
 * Plain JSON.parse for now: the validated loader (loadConfig) replaces this when it lands.
 */
function readConfig(file: string, isDefault: boolean): BillingConfig | undefined {
  const path = resolve(file);
  if (!existsSync(path)) {
    if (isDefault) return undefined;
    throw new Error(`config file ${file} does not exist`);
  }
  // The same validation as every other command: errors name the file and the field.
  // Asset and product definitions are checked again when they are seeded, as POST /assets and POST /products would.
  return parseConfig(readFileSync(path, 'utf8'), file);
}
