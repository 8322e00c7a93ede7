// An integration area: turns (StackInfo, Config, files) into a Plan. Areas know *what* to insert and
// *where*; framework adapters know *how* in each framework; providers know what the billing module says.
import type { BillingConfig } from '../config/types.js';
import type { DetectedPackage } from '../detect/stack.js';
import type { Plan } from '../plan/types.js';
import type { Project } from '../project/project.js';
import type { StyleTools } from '../style/finish.js';

export interface AreaOptions {
  /** Regenerate files the user has edited (client-setup's billing module). */
  force?: boolean;
  /** Type-check the edits before showing them (default true; `--no-verify` turns it off). */
  verify?: boolean;
  /** List the sites the plan edits (`plan.sites`), for `verify`: each site's edit is tried on its own. */
  listSites?: boolean;
}

export interface AreaContext {
  project: Project;
  pkg: DetectedPackage;
  config: BillingConfig;
  options: AreaOptions;
  /** The project's style and its own formatter and linter (planArea runs every change through them). */
  style?: StyleTools;
}

export interface Area {
  name: string;
  plan(ctx: AreaContext): Promise<Plan> | Plan;
  /** What the area's transform is handed for each file; lets a plain `jscodeshift -t` run edit as `apply` does. */
  fileOptions?(ctx: AreaContext): (file: string) => unknown;
}
