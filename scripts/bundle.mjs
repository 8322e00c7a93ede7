#!/usr/bin/env node
// Bundles the compiled CLI (dist/src/cli.js) and the bench's runner into dist/cli/, one chunk per module the
// CLI loads on demand: a command loads a few files instead of its 60-150 modules, each resolved, read and
// linked on its own (~20 ms of every run's start-up). The dependencies stay in node_modules, loaded as
// before. dist/src and dist/transforms stay as tsc wrote them: the tests and the jscodeshift transforms use them.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'dist/src/cli.js', 'run-once': 'dist/bench/run-once.js' },
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
chmodSync(join(outdir, 'cli.js'), 0o755);

// The config schema's validator as code: no Ajv to load and no schema to compile when a command reads a config.
const { PRECOMPILED_VALIDATOR, schemaText, standaloneValidator } = await import('../dist/src/config/validator.js');
writeFileSync(join(root, PRECOMPILED_VALIDATOR), standaloneValidator(schemaText()));
