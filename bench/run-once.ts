// One measured run in a fresh process, for bench.ts: `read` (list and read every source file, what any tool
// must do), `detect` (what `billing-codemod detect` does) or `plan` (detect plus an area's dry run, what
// `apply --dry-run` does). Prints { wallMs, cpuMs, maxRssMb, steps, files, changes, verified, listedBy } as JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const started = performance.now();
const [mode, dir, area, pkgPath] = process.argv.slice(2) as [string, string, string, string];
const { recordSteps, stepTotals } = await import('../src/perf/steps.js');
recordSteps();
let files = 0;
let changes = 0;
let verified: number | null = null;
let listedBy: string | null = null;
if (mode === 'read') {
  const { listFiles } = await import('../src/project/list-files.js');
  const { isSourceFile } = await import('../src/project/project.js');
  const listing = listFiles(dir);
  listedBy = listing.by;
  for (const file of listing.files) if (isSourceFile(file)) files += readFileSync(join(dir, file)).length > 0 ? 1 : 0;
} else {
  const { openWorkspace, planArea, selectPackage } = await import('../src/areas/run.js');
  const ws = await openWorkspace(dir);
  files = ws.project.sources.size;
  if (mode === 'plan') {
    const { findArea } = await import('../src/areas/registry.js');
    const { loadConfig } = await import('../src/config/load.js');
    const { configFromDetection } = await import('../src/config/from-detection.js');
    const pkg = selectPackage(ws, pkgPath || undefined);
    const config = loadConfig(join(dir, pkg.info.path)) ?? configFromDetection(pkg.info);
    const plan = await planArea((await findArea(area))!, ws, pkg, config);
    changes = plan.changes.length;
    verified = plan.verification?.files ?? null;
  }
}
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    wallMs: Math.round(performance.now() - started),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    steps: stepTotals(),
    files,
    changes,
    verified,
    listedBy,
  }),
);
