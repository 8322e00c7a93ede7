// Every integration area, in the order a user applies them. An area is listed here only once it works.
import { clientSetupArea } from './client-setup.js';
import type { Area } from './types.js';

export const AREAS: Area[] = [clientSetupArea];

export function findArea(name: string): Area | undefined {
  return AREAS.find((a) => a.name === name);
}
