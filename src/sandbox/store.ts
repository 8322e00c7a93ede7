// State in memory, optionally persisted to one JSON file. Every write goes to a temp file in the same
// folder, is fsynced, then renamed over the old one, so a crash leaves either the old or the new state.
// Writes are synchronous: handlers are synchronous after the body is read, so no request can observe a
// half-applied change and the file is current by the time the response leaves.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomToken } from './ids.js';
import type { State } from './types.js';

export function emptyState(): State {
  return {
    version: 1,
    secret: randomToken(32),
    assets: [],
    products: [],
    customers: [],
    wallets: {},
    adjustments: [],
    events: [],
    webhooks: [],
    vendors: [],
  };
}

export class Store {
  state: State;
  private writes = 0;

  /**
   * @param seed builds the seeded state (used at start when there is no state file, and by reset)
   * @param path the state file; without it state lives in memory only
   * @param merge adds seed entries missing from a loaded state file (a product added to the config later)
   */
  constructor(
    private readonly seed: () => State,
    readonly path?: string,
    merge?: (loaded: State) => void,
  ) {
    const loaded = path ? loadState(path) : undefined;
    if (loaded) merge?.(loaded);
    this.state = loaded ?? seed();
    this.save();
  }

  /** Persists the whole state atomically; a no-op without a state file. */
  save(): void {
    if (!this.path) return;
    const temp = `${this.path}.${process.pid}.${++this.writes}.tmp`;
    try {
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, `${JSON.stringify(this.state, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  reset(): void {
    this.state = this.seed();
    this.save();
  }
}

function loadState(path: string): State | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`sandbox state file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const state = parsed as Partial<State> | null;
  const lists = ['assets', 'products', 'customers', 'adjustments', 'events', 'webhooks'] as const;
  if (
    !state ||
    typeof state !== 'object' ||
    state.version !== 1 ||
    typeof state.secret !== 'string' ||
    typeof state.wallets !== 'object' ||
    lists.some((key) => !Array.isArray(state[key]))
  ) {
    throw new Error(`sandbox state file ${path} is not a sandbox state (version 1); move it away or pick another --state file`);
  }
  return state as State;
}
