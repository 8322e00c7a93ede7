import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { ImportPlanner } from '../../src/ast/add-import.js';
import { recastParserFor } from '../../src/ast/parse.js';
import { detectStyle } from '../../src/ast/style.js';
import type { File } from '@babel/types';

function addBilling(path: string, source: string, kind: 'esm' | 'cjs', spec = './lib/billing.js', sameModule?: (s: string) => boolean): string {
  const j = jscodeshift.withParser(recastParserFor(path));
  const root = j(source);
  const planner = new ImportPlanner(root.get().node as File, kind);
  const local = planner.use({ source: spec, name: 'billing', sameModule });
  const printed = root.toSource();
  return `${local}|${planner.insertInto(printed, path, detectStyle(source))}`;
}

describe('ImportPlanner', () => {
  it('adds one line after the last import, with no blank lines borrowed from neighbours', () => {
    const src = "import express from 'express';\nimport { db } from './db.js';\n\nconst app = express();\n";
    expect(addBilling('a.ts', src, 'esm')).toBe("billing|import express from 'express';\nimport { db } from './db.js';\nimport { billing } from './lib/billing.js';\n\nconst app = express();\n");
  });

  it('reuses an existing import of the same module', () => {
    const src = "import { billing } from '@/lib/billing';\n\nexport const x = 1;\n";
    expect(addBilling('a.ts', src, 'esm', '../lib/billing', (s) => s === '@/lib/billing')).toBe(`billing|${src}`);
  });

  it('adds the name to an existing named import of the module', () => {
    const src = "import { trackUsage } from './lib/billing.js';\n\nexport const x = 1;\n";
    expect(addBilling('a.ts', src, 'esm')).toBe("billing|import { trackUsage, billing } from './lib/billing.js';\n\nexport const x = 1;\n");
  });

  it('picks another local name when billing is already taken', () => {
    const src = "import { billing } from './settings.js';\n\nexport const x = billing;\n";
    expect(addBilling('a.ts', src, 'esm')).toBe("billing2|import { billing } from './settings.js';\nimport { billing as billing2 } from './lib/billing.js';\n\nexport const x = billing;\n");
  });

  it('adds a require after the leading requires in CommonJS, keeping use strict intact', () => {
    const src = "'use strict';\nconst express = require('express');\n\nmodule.exports = express.Router();\n";
    expect(addBilling('a.js', src, 'cjs', '../lib/billing')).toBe("billing|'use strict';\nconst express = require('express');\nconst { billing } = require('../lib/billing');\n\nmodule.exports = express.Router();\n");
  });

  it('reuses a destructured require and a whole-module require', () => {
    const a = "const { billing } = require('../lib/billing');\nbilling.x();\n";
    expect(addBilling('a.js', a, 'cjs', '../lib/billing')).toBe(`billing|${a}`);
    const b = "const lib = require('../lib/billing');\nlib.x();\n";
    expect(addBilling('a.js', b, 'cjs', '../lib/billing')).toBe(`lib.billing|${b}`);
  });

  it('places the import after directives and keeps double quotes when the file uses them', () => {
    const src = '"use server";\n\nexport async function act() {}\n';
    expect(addBilling('a.ts', src, 'esm', '@/lib/billing')).toBe('billing|"use server";\nimport { billing } from "@/lib/billing";\n\nexport async function act() {}\n');
  });
});
