// Where a run's time goes, by step (list, read, parse, detect, types, plan, verify, format), for `npm run bench`.
// Off unless a bench turns it on; each step's time is its own (a parse inside detection counts as parse, not
// detect): a stack of open steps pauses the outer one while an inner one runs.
export interface StepTotals {
  wallMs: number;
  cpuMs: number;
  calls: number;
}

let enabled = false;
const totals = new Map<string, StepTotals>();
const open: Array<{ name: string; wall: number; cpu: number }> = [];

export function recordSteps(on = true): void {
  enabled = on;
  totals.clear();
  open.length = 0;
}

export function stepTotals(): Record<string, StepTotals> {
  return Object.fromEntries([...totals].map(([name, t]) => [name, { wallMs: Math.round(t.wallMs), cpuMs: Math.round(t.cpuMs), calls: t.calls }]));
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function enter(name: string): void {
  const now = { wall: performance.now(), cpu: cpuNow() };
  const outer = open[open.length - 1];
  if (outer) charge(outer.name, now.wall - outer.wall, now.cpu - outer.cpu, 0);
  open.push({ name, ...now });
}

function leave(): void {
  const now = { wall: performance.now(), cpu: cpuNow() };
  const step = open.pop()!;
  charge(step.name, now.wall - step.wall, now.cpu - step.cpu, 1);
  const outer = open[open.length - 1];
  if (outer) Object.assign(outer, now);
}

function charge(name: string, wall: number, cpu: number, calls: number): void {
  const t = totals.get(name) ?? { wallMs: 0, cpuMs: 0, calls: 0 };
  t.wallMs += wall;
  t.cpuMs += cpu;
  t.calls += calls;
  totals.set(name, t);
}

/** Runs `fn` as step `name` (nothing is measured unless recording is on). */
export function step<T>(name: string, fn: () => T): T {
  if (!enabled) return fn();
  enter(name);
  try {
    return fn();
  } finally {
    leave();
  }
}

export async function stepAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  enter(name);
  try {
    return await fn();
  } finally {
    leave();
  }
}
