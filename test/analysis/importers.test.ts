// importersOf: which files import a module, found by a text test on the specifiers that can name it and then
// resolving the candidates' imports. The text test must pass every way an importer names the module (or
// verification misses a caller), and leave out files that only mention the name.
import { expect, it } from 'vitest';
import { importersOf } from '../../src/analysis/importers.js';
import { openWorkspace, selectPackage } from '../../src/areas/run.js';
import { writeTree } from '../detect/helpers-disk.js';

async function importers(files: Record<string, string | object>, path: string): Promise<string[]> {
  const pkg = selectPackage(await openWorkspace(writeTree({ 'package.json': { name: 'app', dependencies: { express: '^4.21.2' } }, ...files })));
  return importersOf(pkg.ctx, path).sort();
}

it('finds importers by relative path, extension, alias, require and folder index', async () => {
  const found = await importers(
    {
      'tsconfig.json': { compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } },
      'src/lib/auth.ts': 'export const auth = 1;\n',
      'src/a.ts': "import { auth } from './lib/auth';\n",
      'src/b.ts': "import { auth } from './lib/auth.js';\n",
      'src/c.ts': 'import { auth } from "@/lib/auth";\n',
      'src/d.js': "const { auth } = require('./lib/auth');\n",
      'src/e.ts': "import { auth } from './other/auth';\nexport const x = auth;\n",
      'src/f.ts': 'const auth = "auth"; // talks about auth everywhere\n',
      'src/other/auth.ts': 'export const auth = 2;\n',
    },
    'src/lib/auth.ts',
  );
  expect(found).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.js']);
  const index = await importers(
    {
      'src/db/index.ts': 'export const db = 1;\n',
      'src/a.ts': "import { db } from './db';\n",
      'src/b.ts': "import { db } from './db/index.js';\n",
      'src/c.ts': 'const db = connect(); // db everywhere\n',
    },
    'src/db/index.ts',
  );
  expect(index).toEqual(['src/a.ts', 'src/b.ts']);
});

it('leaves out files that only mention the module name (they are not parsed)', async () => {
  const parsed: string[] = [];
  const pkg = selectPackage(
    await openWorkspace(
      writeTree({
        'package.json': { name: 'app', dependencies: { express: '^4.21.2' } },
        'src/auth.ts': 'export const auth = 1;\n',
        'src/uses.ts': "import { auth } from './auth';\n",
        'src/mentions.ts': 'export const authHeader = (auth: string) => `Bearer ${auth}`;\n',
      }),
    ),
  );
  const ctx = pkg.ctx;
  const parse = ctx.parse.bind(ctx);
  ctx.parse = (file: string) => {
    parsed.push(file);
    return parse(file);
  };
  expect(importersOf(ctx, 'src/auth.ts')).toEqual(['src/uses.ts']);
  expect(parsed).toEqual(['src/uses.ts']);
});
