// Loads a large CommonJS file with V8's code cache kept between runs, as Node 22's module.enableCompileCache
// does (Node 20 has no such switch): compiling TypeScript's 9 MB takes ~100 ms of every run that type-checks,
// and a cached compile a third of that. The cache is the user's own folder (0700) in the temp folder; V8
// refuses a cache made for other source or another V8, and then the file is compiled and the cache rewritten.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * `afterUse`: the cache is written as the process exits instead of after loading, so it also holds the
 * functions this run compiled, not only the file's top level (a parser's, which every run calls: its first
 * parse then costs two thirds). `train` runs just before the cache is written: the cache is written once
 * and kept, so what the first run happened to compile (one small file, or nothing) would decide every later
 * run's speed: a parser's cache made by a run that parsed one small file (a test) or none (an empty folder)
 * parsed formbricks' 13 files in 108 ms, one made after a full detect in 54–80.
 */
export function requireCached(file: string, { afterUse = false, train }: { afterUse?: boolean; train?: (exports: unknown) => void } = {}): unknown {
  // One instance per process, in Node's own module cache: jscodeshift's `require('@babel/parser')` gets this
  // one instead of compiling the parser's 530 KB a second time (and a file required first is not run twice).
  const require = createRequire(file);
  const known = require.cache[file];
  if (known?.loaded) return known.exports;
  const source = readFileSync(file, 'utf8');
  const cacheFile = cachePath(file, source.length);
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  // Node's own CommonJS wrapper, so the file sees the module variables it expects.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(file);
  module.filename = file;
  require.cache[file] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    const write = () => {
      try {
        train?.(module.exports);
      } catch {
        // a cache without the training is still a cache
      }
      save(cacheFile, script.createCachedData());
    };
    if (afterUse) process.once('exit', write);
    else write();
  }
  return module.exports;
}

/** Named after the file, its size and time, and the Node that compiled it; null when there is no home for it. */
function cachePath(file: string, length: number): string | null {
  try {
    const { mtimeMs } = statSync(file);
    const key = createHash('sha256').update(`${file}\0${length}\0${mtimeMs}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 16);
    return join(tmpdir(), `billing-codemod-${userInfo().uid}`, 'code-cache', `${key}.bin`);
  } catch {
    return null;
  }
}

/** Written whole or not at all (another run may be reading it); a folder that cannot be written is no error. */
function save(cacheFile: string, data: Buffer): void {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, cacheFile);
  } catch {
    // no cache this time
  }
}
