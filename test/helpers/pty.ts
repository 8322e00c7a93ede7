// Runs the CLI in a real pseudo-terminal (util-linux `script`), so prompts behave as for a person: the test
// waits for a question on screen, then types keys. The screen is read back without colours and cursor moves.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './cli.js';

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', ctrlC: '\x03', erase: '\x7f'.repeat(20) };

export interface Terminal {
  /** Waits until the screen shows `pattern` (after `since`, an offset into the screen text). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Types keys (see KEY). */
  type(keys: string): void;
  /** Replaces a pre-filled text answer with `value`, and presses enter. */
  answer(value: string): void;
  /** Everything shown so far, without escape sequences. */
  screen(): string;
  exit(): Promise<number>;
}

export function runInTerminal(args: string[], cwd: string): Terminal {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child: ChildProcess = spawn('script', ['-qfec', `stty cols 140 rows 50; ${command}`, '/dev/null'], { cwd, env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '' } });
  let raw = '';
  let seen = 0;
  child.stdout!.on('data', (d: Buffer) => (raw += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (raw += d.toString()));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const screen = () => raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\x1b\][^\x07]*\x07/g, '').replace(/\r/g, '');
  return {
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = screen();
        const match = pattern.exec(text.slice(seen));
        if (match) {
          seen += match.index + match[0].length;
          return;
        }
        if (Date.now() > deadline) throw new Error(`no ${pattern} on the screen:\n${text.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    type: (keys) => void child.stdin!.write(keys),
    answer: (value) => void child.stdin!.write(`${KEY.erase}${value}${KEY.enter}`),
    screen,
    exit: () => exited,
  };
}
