// init's flags, one per question: each sets an answer (and skips its question in a terminal). A bad value is
// a usage error naming the flag.
import { UsageError } from '../areas/run.js';
import type { PackageInfo } from '../detect/types.js';
import { defaultAnswers, withAsset, type Answers, type BillingModel } from './answers.js';

export interface InitAnswerFlags {
  events?: string;
  model?: string;
  fee?: string;
  allowance?: string;
  asset?: string;
  assetName?: string;
  assetRate?: string;
  assetPrecision?: string;
  price?: string[];
  perCall?: string[];
  volumeField?: string[];
  dimensions?: string[];
  entity?: string;
  signupCredits?: string;
}

/** The answers the flags give (detection's defaults elsewhere), and which questions they answered. */
export function answersFromFlags(pkg: PackageInfo, flags: InitAnswerFlags): { answers: Answers; given: Set<string>; explicitPrices: Set<string> } {
  let answers = defaultAnswers(pkg);
  const given = new Set<string>();
  const explicitPrices = new Set<string>();
  if (flags.events !== undefined) {
    const wanted = flags.events.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted.filter((type) => !answers.events.some((e) => e.type === type));
    if (unknown.length) throw new UsageError(`--events: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a kind of call detect found (${answers.events.map((e) => e.type).join(', ') || 'none'})`);
    answers.events = answers.events.filter((e) => wanted.includes(e.type));
    given.add('events');
  }
  if (flags.model !== undefined) {
    if (!['prepaid', 'recurring', 'hybrid'].includes(flags.model)) throw new UsageError('--model must be prepaid, recurring or hybrid');
    answers.model = flags.model as BillingModel;
    given.add('model');
  }
  if (flags.fee !== undefined) {
    answers.fee = positive('--fee', flags.fee);
    given.add('fee');
  }
  if (flags.allowance !== undefined) {
    answers.allowance = positive('--allowance', flags.allowance);
    given.add('allowance');
  }
  if (flags.entity !== undefined) {
    if (!['user', 'organization', 'team'].includes(flags.entity)) throw new UsageError('--entity must be user, organization or team');
    answers.entity = flags.entity as Answers['entity'];
    given.add('entity');
  }
  if (flags.signupCredits !== undefined) {
    answers.signupCredits = positive('--signup-credits', flags.signupCredits, true);
    given.add('signupCredits');
  }
  for (const entry of flags.price ?? []) {
    const [type, value] = entry.split('=');
    const event = answers.events.find((e) => e.type === type);
    if (!event || value === undefined) throw new UsageError(`--price ${entry}: expected <event type>=<price>, one of ${answers.events.map((e) => e.type).join(', ')}`);
    event.price = positive(`--price ${type}`, value);
    explicitPrices.add(type!);
    given.add(`price:${type}`);
  }
  for (const type of flags.perCall ?? []) {
    const event = answers.events.find((e) => e.type === type);
    if (!event) throw new UsageError(`--per-call ${type}: not one of ${answers.events.map((e) => e.type).join(', ')}`);
    event.usage = 'unit';
    delete event.volumeField;
    given.add(`usage:${type}`);
  }
  for (const entry of flags.volumeField ?? []) {
    const [type, field] = entry.split('=');
    const event = answers.events.find((e) => e.type === type);
    if (!event || !field || !/^[a-z_][a-z0-9_.]*$/i.test(field)) throw new UsageError(`--volume-field ${entry}: expected <event type>=<data field>, one of ${answers.events.map((e) => e.type).join(', ')}`);
    event.usage = 'volume';
    event.volumeField = field;
    given.add(`field:${type}`).add(`usage:${type}`);
  }
  for (const entry of flags.dimensions ?? []) {
    const [type, list] = entry.split('=');
    const event = answers.events.find((e) => e.type === type);
    if (!event || list === undefined) throw new UsageError(`--dimensions ${entry}: expected <event type>=<field,field> (or =none), one of ${answers.events.map((e) => e.type).join(', ')}`);
    event.dimensions = list === 'none' ? [] : list.split(',').filter(Boolean);
    given.add(`dimensions:${type}`);
  }
  if (flags.asset !== undefined) {
    const code = flags.asset.toUpperCase();
    if (!/^[A-Z][A-Z0-9_]{1,19}$/.test(code)) throw new UsageError('--asset must be USD or a code such as CREDIT (2-20 capitals, digits, _)');
    const asset = code === 'USD' ? 'USD' : { code, name: flags.assetName ?? 'Credits', rate: flags.assetRate ? positive('--asset-rate', flags.assetRate) : 0.01, precision: flags.assetPrecision ? precision(flags.assetPrecision) : 0 };
    answers = withAsset(pkg, answers, asset, explicitPrices);
    given.add('asset');
  }
  return { answers, given, explicitPrices };
}

function positive(flag: string, value: string, zero = false): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!zero && n === 0)) throw new UsageError(`${flag} must be a ${zero ? 'number, 0 or more' : 'number above 0'} (got "${value}")`);
  return n;
}

function precision(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 12) throw new UsageError(`--asset-precision must be a whole number from 0 to 12 (got "${value}")`);
  return n;
}
