// init's questions in a terminal, one at a time, each adapting to the answers before it and pre-filled with
// what detection found (or a flag gave, in which case it is not asked). Ctrl-C at any question ends init with
// nothing written.
import * as p from '@clack/prompts';
import type { PackageInfo } from '../detect/types.js';
import { kindsFound, withAsset, type Answers, type BillingModel, type CustomAsset } from './answers.js';

export class Cancelled extends Error {}

/** What a prompt answered; Ctrl-C (or Esc) ends init. */
function answered<T>(value: T | symbol): T {
  if (p.isCancel(value)) throw new Cancelled('init cancelled: nothing was written');
  return value as T;
}

const number = (min: number) => (value: string) => (value.trim() !== '' && Number.isFinite(Number(value)) && Number(value) >= min ? undefined : `a number, ${min} or more`);

export async function askAnswers(pkg: PackageInfo, start: Answers, given: ReadonlySet<string>, explicitPrices: ReadonlySet<string>): Promise<Answers> {
  let answers = { ...start, events: start.events.map((e) => ({ ...e, dimensions: [...e.dimensions] })) };
  const kinds = kindsFound(pkg);
  p.intro(`billing-codemod init: ${pkg.name ?? pkg.path}`);

  if (!given.has('events') && kinds.length > 0) {
    const chosen = answered(
      await p.multiselect({
        message: 'What does this app charge for? (space toggles, enter confirms)',
        options: kinds.map((k) => ({ value: k.type, label: `${k.type}: ${k.description.toLowerCase()}`, hint: where(k.calls) })),
        initialValues: answers.events.map((e) => e.type),
        required: false,
      }),
    );
    answers.events = answers.events.filter((e) => chosen.includes(e.type));
  }
  const unit = domainUnit(answers);

  if (!given.has('model')) {
    answers.model = answered(
      await p.select<BillingModel>({
        message: 'How do customers pay?',
        options: [
          { value: 'prepaid', label: 'Prepaid usage', hint: `they top up a balance (say $10) and each ${unit.one} is paid from it as it happens` },
          { value: 'recurring', label: 'A recurring fee', hint: `$${answers.fee} a month; ${unit.many} are metered, not charged` },
          { value: 'hybrid', label: 'A fee that includes an allowance', hint: `$${answers.fee} a month includes an allowance of ${unit.many}; beyond it, the balance pays` },
        ],
        initialValue: answers.model,
      }),
    );
  }
  if (answers.model !== 'prepaid' && !given.has('fee')) {
    answers.fee = Number(answered(await p.text({ message: 'The monthly fee, in US dollars', initialValue: String(answers.fee), validate: number(0.01) })));
  }

  if (!given.has('asset')) {
    const kind = answered(
      await p.select<'USD' | 'custom'>({
        message: 'What do balances and prices count in?',
        options: [
          { value: 'USD', label: 'US dollars', hint: 'customers see $4.20 left' },
          { value: 'custom', label: 'Credits of your own', hint: `customers see 420 credits left; one ${unit.one} costs a few credits` },
        ],
        initialValue: answers.asset === 'USD' ? 'USD' : 'custom',
      }),
    );
    answers = withAsset(pkg, answers, kind === 'USD' ? 'USD' : await askAsset(answers.asset === 'USD' ? null : answers.asset), explicitPrices);
  }
  const assetName = answers.asset === 'USD' ? 'USD' : answers.asset.code;

  if (answers.model === 'hybrid' && !given.has('allowance')) {
    answers.allowance = Number(answered(await p.text({ message: `What the fee includes each month, in ${assetName}`, initialValue: String(answers.allowance), validate: number(0) })));
  }

  for (const event of answers.events) {
    if (!given.has(`usage:${event.type}`) && event.volumeField) {
      event.usage = answered(
        await p.select<'unit' | 'volume'>({
          message: `${event.type}: charge per call, or per ${event.volumeField}?`,
          options: [
            { value: 'volume', label: `per ${event.volumeField}`, hint: `a call with 1,500 ${event.volumeField} costs 1,500 × the price` },
            { value: 'unit', label: 'per call', hint: 'every call costs the same' },
          ],
          initialValue: event.usage,
        }),
      );
    }
    if (event.usage === 'unit') delete event.volumeField;
    if (event.usage === 'volume' && event.volumeField === 'total_tokens' && !given.has(`field:${event.type}`)) {
      event.volumeField = answered(
        await p.select<string>({
          message: `${event.type}: which tokens are charged?`,
          options: [
            { value: 'total_tokens', label: 'all of them (total_tokens)' },
            { value: 'output_tokens', label: 'only what the model writes (output_tokens)' },
            { value: 'input_tokens', label: 'only what is sent (input_tokens)' },
          ],
          initialValue: event.volumeField,
        }),
      );
    }
    if (!given.has(`dimensions:${event.type}`)) {
      event.dimensions = answered(
        await p.multiselect<string>({
          message: `${event.type}: what should each event record besides its volume? (space toggles)`,
          options: [{ value: 'model', label: 'model', hint: 'the AI model used: lets prices differ per model later' }],
          initialValues: event.dimensions,
          required: false,
        }),
      );
    }
    if (!given.has(`price:${event.type}`)) {
      const per = event.usage === 'volume' ? `per ${event.volumeField}` : 'per call';
      event.price = Number(answered(await p.text({ message: `${event.type}: the price ${per}, in ${assetName}`, initialValue: String(event.price), validate: number(0) })));
    }
  }

  if (!given.has('entity')) {
    answers.entity = answered(
      await p.select<Answers['entity']>({
        message: 'Who pays?',
        options: [
          { value: 'user', label: 'Each user', hint: 'every signed-in user has their own balance' },
          { value: 'organization', label: 'Their organization', hint: 'the organization the user acts for is the customer' },
          { value: 'team', label: 'Their team', hint: 'the team the user acts for is the customer' },
        ],
        initialValue: answers.entity,
      }),
    );
  }
  if (!given.has('signupCredits')) {
    answers.signupCredits = Number(answered(await p.text({ message: `Free credits at signup, in ${assetName} (0 for none)`, initialValue: String(answers.signupCredits), validate: number(0) })));
  }
  return answers;
}

async function askAsset(current: CustomAsset | null): Promise<CustomAsset> {
  const code = answered(
    await p.text({
      message: 'Its code',
      initialValue: current?.code ?? 'CREDIT',
      validate: (v) => (/^[A-Z][A-Z0-9_]{1,19}$/.test(v) ? undefined : '2 to 20 capitals, digits or _, starting with a capital'),
    }),
  );
  const name = answered(await p.text({ message: 'Its name', initialValue: current?.name ?? 'Credits', validate: (v) => (v.trim() ? undefined : 'a name') }));
  const rate = Number(answered(await p.text({ message: `What one ${code} costs, in US dollars`, initialValue: String(current?.rate ?? 0.01), validate: number(0.000001) })));
  const precision = Number(
    answered(await p.text({ message: 'Decimal places (0: whole credits only)', initialValue: String(current?.precision ?? 0), validate: (v) => (/^(\d|1[0-2])$/.test(v) ? undefined : 'a whole number from 0 to 12') })),
  );
  return { code, name, rate, precision };
}

/** Where the calls of a kind are, for the hint: the first three as file:line. */
function where(calls: Array<{ file: string; line: number }>): string {
  const shown = calls.slice(0, 3).map((c) => `${c.file}:${c.line}`);
  return calls.length > 3 ? `${shown.join(', ')} and ${calls.length - 3} more` : shown.join(', ');
}

/** The app's own billable thing, for the examples: a chat reply, an image, a minute of audio. */
function domainUnit(answers: Answers): { one: string; many: string } {
  const types = answers.events.map((e) => e.type);
  if (types.includes('chat_completion')) return { one: 'AI reply (priced by its tokens)', many: 'AI replies' };
  if (types.includes('image_generation')) return { one: 'generated image', many: 'images' };
  if (types.includes('audio_processing')) return { one: 'minute of audio', many: 'minutes of audio' };
  if (types.includes('model_run')) return { one: 'model run', many: 'model runs' };
  return { one: 'billable call', many: 'billable calls' };
}

/** The config the answers make, shown before the write question. */
export function showConfig(text: string): void {
  p.note(text.trimEnd(), 'billing.config.json');
}
