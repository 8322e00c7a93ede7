// The app's Biome as the plan runs it: its native binary (not the Node launcher in node_modules/.bin), and a
// config the installed Biome cannot read said once, instead of once per file and tool call.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { biomeBinary } from '../../src/style/tools.js';
import { applyAreas, lintApp, SETUPS } from './lint-apps.js';

const setup = SETUPS.find((s) => s.app === 'biome')!;

describe("the app's Biome", () => {
  it('runs the native binary of the platform package', async () => {
    const dir = await lintApp(setup, 'binary');
    const bin = biomeBinary(dir, dir);
    expect(bin).toMatch(/@biomejs\/cli-[\w-]+\/biome(\.exe)?$/);
  }, 600_000);

  it('says once that it cannot read its configuration, and stops running it', async () => {
    const dir = await lintApp(setup, 'bad-config');
    // A rule a newer Biome knows: this one refuses the whole config.
    writeFileSync(join(dir, 'biome.json'), JSON.stringify({ linter: { enabled: true, rules: { nursery: { noRuleOfTheFuture: 'error' } } } }));
    const { created, notes } = await applyAreas(dir, ['client-setup', 'usage-events']);
    expect(created.length).toBeGreaterThan(0);
    const config = notes.filter((n) => /biome cannot read its configuration/.test(n));
    expect(config).toHaveLength(2); // one per plan: each area is its own run
    expect(config[0]).toMatch(/biome\.json:\d+:\d+: .*noRuleOfTheFuture/);
    expect(notes.filter((n) => /failed|could not check/.test(n)), 'notes per file').toEqual([]);
  }, 600_000);
});
