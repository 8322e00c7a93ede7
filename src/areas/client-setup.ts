// Area client-setup: the generated billing module (the only code that talks to the billing API), the API
// key in the env example file, .env kept out of git, and the module's location recorded in the config.
import { posix } from 'node:path';
import { CONFIG_FILE } from '../config/types.js';
import { emptyPlan, type Plan } from '../plan/types.js';
import { readProjectFile } from '../project/project.js';
import { planConfigRecord } from './client-setup/config-record.js';
import { envExampleFile, planEnvExample } from './client-setup/env-example.js';
import { trackedFiles } from '../apply/git.js';
import { providerOf } from '../providers/registry.js';
import { planGitignore } from './client-setup/gitignore.js';
import { planModuleFile } from './client-setup/module-file.js';
import { aliasSpecifier, billingModulePath } from './module-location.js';
import type { Area, AreaContext } from './types.js';

export const clientSetupArea: Area = {
  name: 'client-setup',
  plan: planClientSetup,
};

async function planClientSetup({ project, pkg, config, options, style }: AreaContext): Promise<Plan> {
  const { info } = pkg;
  const plan = emptyPlan('client-setup', info.path);
  const inPkg = (p: string) => (info.path === '.' ? p : posix.join(info.path, p));
  const read = (p: string) => readProjectFile(project, p);

  // A module generated earlier and moved by the user is adopted where it is.
  const found = info.billing.module && !config.paths.billingModule ? posix.relative(info.path, info.billing.module) : null;
  const modulePath = found ?? billingModulePath(info, config);
  const module = await planModuleFile(inPkg(modulePath), info, config, read(inPkg(modulePath)), options.force === true, style);
  if (module.change) plan.changes.push(module.change);
  if (module.skipped) plan.skipped.push(module.skipped);
  if (module.note) plan.notes.push(module.note);

  const env = planEnvExample(info, config, read);
  if (env.change) plan.changes.push(env.change);
  plan.env.push(...env.env);

  const exampleName = posix.basename(env.change?.path ?? envExampleFile(info));
  const envNames = info.envFiles.map((f) => posix.basename(f));
  const gitignore = planGitignore(info.path, read, exampleName, trackedFiles(project.dir, info.path, envNames));
  if (gitignore.change) plan.changes.push(gitignore.change);
  plan.manual.push(...gitignore.tracked);

  if (module.ours) {
    const alias = config.paths.billingImport ? undefined : (aliasSpecifier(info, modulePath) ?? undefined);
    const record = planConfigRecord(info.path, read(inPkg(CONFIG_FILE)) ?? '{}', config, { billingModule: modulePath, ...(alias ? { billingImport: alias } : {}) });
    if (record) plan.changes.push(record);
  } else {
    plan.manual.push({ path: inPkg(modulePath), message: 'choose where the billing module goes: set paths.billingModule in billing.config.json, then run client-setup again' });
  }

  const provider = providerOf(config);
  const declared = new Set(info.dependencies);
  for (const dependency of provider.dependencies) if (!declared.has(dependency.name)) plan.dependencies.push(dependency);
  const misfit = provider.misfit(info);
  if (misfit) plan.notes.push(misfit);
  if (plan.changes.length) plan.notes.push(...provider.setupNotes(inPkg('.env')));
  return plan;
}
