// Request validation that collects every error with its field path (`events[1].id`) before anything is
// changed. A value of the wrong JSON type is a 400; a missing, empty or semantically wrong value is a 422.
import { type FieldErrors, validationProblem } from './problems.js';

export type Json = Record<string, unknown>;

export function field(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

interface Required {
  required?: boolean;
}

export class Checker {
  private readonly shape: FieldErrors = {};
  private readonly rules: FieldErrors = {};

  /** Wrong JSON type: a 400. */
  wrongType(path: string, message: string): void {
    (this.shape[path] ??= []).push(message);
  }

  /** Missing or semantically invalid: a 422. */
  invalid(path: string, message: string): void {
    (this.rules[path] ??= []).push(message);
  }

  /** Throws one problem naming every bad field: 400 when any value had the wrong type, else 422. */
  done(): void {
    if (Object.keys(this.shape).length > 0) throw validationProblem(400, { ...this.shape, ...this.rules });
    if (Object.keys(this.rules).length > 0) throw validationProblem(422, this.rules);
  }

  private missing(value: unknown, path: string, opts: Required): boolean {
    if (value !== undefined && value !== null) return false;
    if (opts.required) this.invalid(path, 'is required');
    return true;
  }

  /** The request body itself must be a JSON object. */
  body(value: unknown): Json {
    if (value === undefined) return {};
    if (!isObject(value)) {
      this.wrongType('body', 'must be a JSON object');
      return {};
    }
    return value;
  }

  object(value: unknown, path: string, opts: Required = {}): Json | undefined {
    if (this.missing(value, path, opts)) return undefined;
    if (!isObject(value)) return void this.wrongType(path, 'must be an object');
    return value;
  }

  array(value: unknown, path: string, opts: Required & { nonEmpty?: boolean } = {}): unknown[] | undefined {
    if (this.missing(value, path, opts)) return undefined;
    if (!Array.isArray(value)) return void this.wrongType(path, 'must be an array');
    if (opts.nonEmpty && value.length === 0) this.invalid(path, 'must not be empty');
    return value;
  }

  string(value: unknown, path: string, opts: Required = {}): string | undefined {
    if (this.missing(value, path, opts)) return undefined;
    if (typeof value !== 'string') return void this.wrongType(path, 'must be a string');
    if (opts.required && value.trim() === '') return void this.invalid(path, 'must not be empty');
    return value;
  }

  number(value: unknown, path: string, opts: Required & { min?: number; positive?: boolean; integer?: boolean } = {}): number | undefined {
    if (this.missing(value, path, opts)) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return void this.wrongType(path, 'must be a number');
    if (opts.integer && !Number.isInteger(value)) return void this.invalid(path, 'must be a whole number');
    if (opts.min !== undefined && value < opts.min) return void this.invalid(path, `must be at least ${opts.min}`);
    if (opts.positive && value <= 0) return void this.invalid(path, 'must be greater than 0');
    return value;
  }

  boolean(value: unknown, path: string, opts: Required = {}): boolean | undefined {
    if (this.missing(value, path, opts)) return undefined;
    if (typeof value !== 'boolean') return void this.wrongType(path, 'must be true or false');
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[], opts: Required = {}): T | undefined {
    const text = this.string(value, path, opts);
    if (text === undefined) return undefined;
    if (!(options as readonly string[]).includes(text)) return void this.invalid(path, `must be one of: ${options.join(', ')}`);
    return text as T;
  }

  /** An ISO-8601 timestamp (anything `Date.parse` reads). */
  timestamp(value: unknown, path: string, opts: Required = {}): string | undefined {
    const text = this.string(value, path, opts);
    if (text === undefined) return undefined;
    if (Number.isNaN(Date.parse(text))) return void this.invalid(path, 'must be an ISO-8601 timestamp');
    return text;
  }

  /** An absolute http(s) URL. */
  url(value: unknown, path: string, opts: Required = {}): string | undefined {
    const text = this.string(value, path, opts);
    if (text === undefined) return undefined;
    if (!isHttpUrl(text)) return void this.invalid(path, 'must be an absolute http or https URL');
    return text;
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
