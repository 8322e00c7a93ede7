// Installs each example app's dependencies once, keyed by its package.json + lockfile, and reuses them.
// Installs go to a private folder that is renamed into place, so concurrent test files never see half
// an install (two racing installs both finish; the second rename loses and is discarded).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { childEnv, run } from './process.js';
import { CACHE_DIR, EXAMPLES_DIR } from './paths.js';

const inFlight = new Map<string, Promise<string>>();

export async function depsKey(name: string): Promise<string> {
  const appDir = path.join(EXAMPLES_DIR, name);
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(appDir, file);
    if (!existsSync(full)) throw new Error(`${full} is missing: every example app commits its lockfile`);
    hash.update(file).update(await readFile(full));
  }
  // Native packages (Next's SWC, esbuild) differ per platform and Node major.
  hash.update(`${process.platform}-${process.arch}-${process.versions.node.split('.')[0]}`);
  return `${name}-${hash.digest('hex').slice(0, 12)}`;
}

/** Returns a folder whose `node_modules` holds the app's installed dependencies. */
export function ensureDeps(name: string): Promise<string> {
  let pending = inFlight.get(name);
  if (!pending) {
    pending = install(name);
    inFlight.set(name, pending);
    pending.catch(() => inFlight.delete(name));
  }
  return pending;
}

async function install(name: string): Promise<string> {
  const key = await depsKey(name);
  const target = path.join(CACHE_DIR, key);
  if (existsSync(path.join(target, 'node_modules'))) return target;

  await mkdir(CACHE_DIR, { recursive: true });
  const staging = `${target}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  await mkdir(staging);
  try {
    for (const file of ['package.json', 'package-lock.json']) {
      await copyFile(path.join(EXAMPLES_DIR, name, file), path.join(staging, file));
    }
    const result = await run(['npm', 'ci', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: staging,
      env: childEnv(),
      timeoutMs: 10 * 60_000,
    });
    if (result.code !== 0) {
      throw new Error(`npm ci for ${name} failed (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
    }
    try {
      await rename(staging, target);
    } catch (err) {
      // Another process finished the same install first: use theirs.
      if (!existsSync(path.join(target, 'node_modules'))) throw err;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await pruneStale(name, key);
  return target;
}

/** Removes this app's installs for older package.json/lockfile versions, and abandoned staging folders. */
async function pruneStale(name: string, keep: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 60 * 60_000;
  for (const entry of await readdir(CACHE_DIR)) {
    if (entry === keep || !entry.startsWith(`${name}-`)) continue;
    // Only the app's own hashed folders: `next-app-…` must not prune `next-app-router-…`.
    if (!/^[0-9a-f]{12}(\.tmp-.*)?$/.test(entry.slice(name.length + 1))) continue;
    const full = path.join(CACHE_DIR, entry);
    if (entry.includes('.tmp-') && (await stat(full)).mtimeMs > dayAgo) continue;
    await rm(full, { recursive: true, force: true });
  }
}
