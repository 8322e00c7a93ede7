// Running commands for the harness: a clean environment, captured output, time limits, and killing
// whole process trees (npm -> sh -> node, next -> its workers) so nothing outlives a test.
import { spawn, type ChildProcess } from 'node:child_process';

/** The test runner's environment minus what would leak into an app (NODE_ENV=test, npm/vitest vars). */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV|INIT_CWD|TEST|VITEST.*|npm_package_.*|npm_lifecycle_.*)$/.test(key)) continue;
    env[key] = value;
  }
  env.NO_COLOR = '1';
  env.NEXT_TELEMETRY_DISABLED = '1';
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
});

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Spawns `cmd` as the leader of its own process group, so killTree reaches every descendant. */
export function spawnGroup(cmd: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const [file, ...args] = cmd;
  if (!file) throw new Error('empty command');
  const child = spawn(file, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) {
    const pgid = child.pid;
    liveGroups.add(pgid);
    child.once('exit', () => {
      // Descendants may outlive the leader (npm exits before its node child); reap the group too.
      signalGroup(pgid, 'SIGKILL');
      liveGroups.delete(pgid);
    });
  }
  return child;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs` if the leader has not exited. */
export async function killTree(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pgid = child.pid;
  if (!pgid) return;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(pgid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pgid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(pgid, 'SIGKILL');
  // Orphaned members die a moment after the leader: wait (briefly) until the group is really empty.
  for (let i = 0; i < 50 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 50));
  liveGroups.delete(pgid);
}

/** Whether any process of the group still exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion. Never rejects on a non-zero exit; rejects on a time-out (with output). */
export async function run(
  cmd: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  const child = spawnGroup(cmd, { cwd: options.cwd, env: options.env ?? childEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void killTree(child, 1_000);
  }, timeoutMs);
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
  }).finally(() => clearTimeout(timer));
  if (timedOut) {
    throw new Error(`${cmd.join(' ')} timed out after ${timeoutMs} ms in ${options.cwd}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
  }
  return { code, stdout, stderr };
}
