/**
 * A small, generic wrapper around ajv: compile a schema once, validate a plain value, get back
 * errors that say what is wrong in words (using the schemas' `description` and
 * `x-eksnet-patternName`), with the path of the offending value and whether the problem is a key
 * (unknown, missing, not allowed here) or a value. Knows nothing about YAML or Kubernetes.
 *
 * ajv generates each validator as JavaScript and instantiates it with `new Function` when a schema
 * is first compiled. That code comes from our own schemas (bundled at build time), never from
 * user input; user manifests are only ever data handed to the compiled function.
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { type JsonSchema, schemaFile } from './files';

export type ValuePath = readonly (string | number)[];

export interface SchemaError {
  /**
   * Path from the validated root to what the error is about. For `anchor: 'key'` the last step is
   * the key (which may be missing from the data when `missing` is true).
   */
  readonly path: ValuePath;
  /** `key`: the error is about a key (unknown, not allowed, invalid name); `value`: about the value at `path`. */
  readonly anchor: 'key' | 'value';
  /** True when the key at `path` is required but absent (anchor on its parent). */
  readonly missing?: boolean;
  /** ajv's keyword (`required`, `enum`, `pattern`, `additionalProperties`, `false schema`, ...). */
  readonly keyword: string;
  readonly message: string;
  /** A replacement for the key (anchor `key`) or the value (anchor `value`) that is very likely meant. */
  readonly suggestion?: string;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, logger: false });
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** The compiled validator of a schema (compiled on first use, then cached). */
function compile(schema: JsonSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema as object);
    compiled.set(schema, v);
  }
  return v;
}

/** Validates a plain (JSON-like) value against a schema, or a schema file under `schemas/`. */
export function validateValue(schemaOrFile: JsonSchema | string, value: unknown): SchemaError[] {
  const schema = typeof schemaOrFile === 'string' ? schemaFile(schemaOrFile) : schemaOrFile;
  if (!schema) throw new Error(`unknown schema ${String(schemaOrFile)}`);
  const validate = compile(schema);
  if (validate(value)) return [];
  return readable(validate.errors ?? []);
}

type AjvError = ErrorObject & { parentSchema?: Record<string, unknown>; data?: unknown };

function readable(raw: readonly ErrorObject[]): SchemaError[] {
  const errors = raw as readonly AjvError[];
  const ifErrors = errors.filter((e) => e.keyword === 'if');
  // Branch errors of an anyOf/oneOf are summarised by the anyOf/oneOf error itself.
  const grouped = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const out: SchemaError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (grouped.some((g) => e.schemaPath.startsWith(g))) continue;
    if (e.schemaPath.includes('/propertyNames/')) continue; // reported through the propertyNames error
    const made = describe(e, errors, ifErrors);
    if (!made) continue;
    const key = `${made.path.join('\u0000')}|${made.anchor}|${made.keyword}|${made.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(made);
  }
  // A misspelled required key is reported once, as the unknown key with its "did you mean".
  const misspelt = new Set(out.filter((e) => e.keyword === 'additionalProperties' && e.suggestion).map((e) => [...e.path.slice(0, -1), e.suggestion].join('\u0000')));
  // A value with a wrong type also fails the keywords of the other type; keep the type error.
  return out.filter((e) => !(e.keyword === 'required' && misspelt.has(e.path.join('\u0000')))).filter((e) => e.keyword === 'type' || !out.some((t) => t.keyword === 'type' && t.anchor === 'value' && samePath(t.path, e.path) && e.anchor === 'value'));
}

function describe(e: AjvError, all: readonly AjvError[], ifErrors: readonly AjvError[]): SchemaError | undefined {
  const path = parsePointer(e.instancePath);
  const parent = e.parentSchema ?? {};
  const params = e.params as Record<string, unknown>;
  const here = nameOf(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const known = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
      const guess = nearMisses(prop, known, 1)[0];
      const where = path.length ? ` in \`${here}\`` : '';
      const hint = guess ? ` Did you mean \`${guess}\`?` : known.length ? ` Known fields: ${known.map((k) => `\`${k}\``).join(', ')}.` : '';
      return { path: [...path, prop], anchor: 'key', keyword: e.keyword, message: `Unknown field \`${prop}\`${where}: the API server rejects it (or silently drops it).${hint}`, ...(guess ? { suggestion: guess } : {}) };
    }
    case 'required': {
      const prop = String(params.missingProperty);
      const condition = conditionOf(e, path, ifErrors);
      const desc = descriptionOf((parent.properties as Record<string, unknown> | undefined)?.[prop]);
      const where = path.length ? ` in \`${here}\`` : '';
      const message = condition ? `\`${prop}\` is required${where} when ${condition}.` : `Missing required field \`${prop}\`${where}.${desc ? ' ' + desc : ''}`;
      return { path: [...path, prop], anchor: 'key', missing: true, keyword: e.keyword, message };
    }
    case 'false schema': {
      const condition = conditionOf(e, path, ifErrors);
      return { path, anchor: 'key', keyword: e.keyword, message: condition ? `\`${here}\` is not allowed when ${condition}.` : `\`${here}\` is not allowed here.` };
    }
    case 'propertyNames': {
      const prop = String(params.propertyName);
      const inner = all.find((x) => x !== e && x.instancePath === e.instancePath && x.schemaPath.startsWith(e.schemaPath + '/'));
      const allowed = inner?.keyword === 'enum' ? ((inner.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String) : [];
      const patternName = (parent.propertyNames as Record<string, unknown> | undefined)?.['x-eksnet-patternName'];
      const expected = allowed.length ? `: expected ${orList(allowed)}` : typeof patternName === 'string' ? `: expected ${patternName}` : '';
      const guess = allowed.length ? nearMisses(prop, allowed, 1)[0] : undefined;
      return { path: [...path, prop], anchor: 'key', keyword: e.keyword, message: `Invalid key "${prop}" in \`${here}\`${expected}.${guess ? ` Did you mean "${guess}"?` : ''}`, ...(guess ? { suggestion: guess } : {}) };
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? ((params.allowedValues as unknown[]) ?? []) : [params.allowedValue];
      const got = e.data;
      const strings = allowed.map((a) => String(a));
      const exact = typeof got === 'string' ? strings.find((a) => a.toLowerCase() === got.toLowerCase()) : undefined;
      const guess = exact ?? (typeof got === 'string' ? nearMisses(got, strings, 1)[0] : undefined);
      const hint = guess ? ` Did you mean ${JSON.stringify(guess)}?${exact ? ' Values are case-sensitive.' : ''}` : '';
      return { path, anchor: 'value', keyword: e.keyword, message: `${show(got)} is not a valid value for \`${here}\`: expected ${orList(strings)}.${hint}`, ...(guess ? { suggestion: guess } : {}) };
    }
    case 'type': {
      const want = ([] as unknown[]).concat(params.type).map((t) => typeWord(String(t)));
      const condition = e.schemaPath.includes('/then/') ? conditionOf(e, path, ifErrors) : undefined;
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` must be ${orList(want, false)}${condition ? ` when ${condition}` : ''}, not ${typeWord(jsonType(e.data))}.` };
    }
    case 'pattern': {
      const name = parent['x-eksnet-patternName'];
      const desc = descriptionOf(parent);
      return { path, anchor: 'value', keyword: e.keyword, message: typeof name === 'string' ? `${show(e.data)} is not ${name}.` : `${show(e.data)} is not a valid value for \`${here}\`.${desc ? ' ' + desc : ''}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const min = parent.minimum ?? parent.exclusiveMinimum;
      const max = parent.maximum ?? parent.exclusiveMaximum;
      const range = min !== undefined && max !== undefined ? `between ${String(min)} and ${String(max)}` : `${String(params.comparison)} ${String(params.limit)}`;
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` must be ${range}; got ${show(e.data)}.` };
    }
    case 'minLength':
    case 'maxLength': {
      const len = typeof e.data === 'string' ? e.data.length : 0;
      const word = e.keyword === 'minLength' ? 'at least' : 'at most';
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` must be ${word} ${String(params.limit)} characters long (it has ${len}).` };
    }
    case 'minItems':
    case 'maxItems': {
      const n = Array.isArray(e.data) ? e.data.length : 0;
      const word = e.keyword === 'minItems' ? 'at least' : 'at most';
      const desc = descriptionOf(parent);
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` must have ${word} ${plural(Number(params.limit), 'item')} (it has ${n}).${desc && e.keyword === 'maxItems' ? '' : desc ? ' ' + desc : ''}` };
    }
    case 'minProperties': {
      const known = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
      const what = Number(params.limit) === 1 && known.length ? `must set at least one of ${known.map((k) => `\`${k}\``).join(', ')}` : `must have at least ${plural(Number(params.limit), 'field')}`;
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` is empty: it ${what}.` };
    }
    case 'maxProperties':
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` may have at most ${plural(Number(params.limit), 'field')}.` };
    case 'uniqueItems':
      return { path: [...path, Number(params.i)], anchor: 'value', keyword: e.keyword, message: `Duplicate item in \`${here}\`: items ${String(params.j)} and ${String(params.i)} are equal.` };
    case 'anyOf': {
      const branches = (parent.anyOf as Record<string, unknown>[] | undefined) ?? [];
      const req = branches.map((b) => (Array.isArray(b.required) && Object.keys(b).length === 1 && b.required.length === 1 ? String(b.required[0]) : undefined));
      if (req.length && req.every((r) => r !== undefined)) {
        return { path, anchor: 'value', keyword: e.keyword, message: `\`${here || 'the object'}\` needs ${orList(req.map((r) => `\`${r}\``), false)}.` };
      }
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` does not match any of the allowed forms.${descriptionOf(parent) ? ' ' + descriptionOf(parent) : ''}` };
    }
    case 'oneOf':
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here}\` must match exactly one of the allowed forms.${descriptionOf(parent) ? ' ' + descriptionOf(parent) : ''}` };
    case 'dependencies':
    case 'dependentRequired':
      return { path: [...path, String(params.missingProperty)], anchor: 'key', missing: true, keyword: e.keyword, message: `\`${String(params.property)}\` requires \`${String(params.missingProperty)}\` in \`${here}\`.` };
    default:
      return { path, anchor: 'value', keyword: e.keyword, message: `\`${here || 'value'}\` ${e.message ?? 'is not valid'}.` };
  }
}

/** The `if` condition that made a `then` branch apply, in words (`\`ipBlock\` is set`). */
function conditionOf(e: AjvError, path: ValuePath, ifErrors: readonly AjvError[]): string | undefined {
  if (!e.schemaPath.includes('/then/')) return undefined;
  let best: AjvError | undefined;
  let bestLen = -1;
  for (const f of ifErrors) {
    if ((f.params as { failingKeyword?: string }).failingKeyword !== 'then') continue;
    const p = parsePointer(f.instancePath);
    if (p.length > path.length || !p.every((s, i) => s === path[i])) continue;
    if (p.length > bestLen) {
      best = f;
      bestLen = p.length;
    }
  }
  const cond = best?.parentSchema?.if as Record<string, unknown> | undefined;
  return cond ? describeCondition(cond) : undefined;
}

function describeCondition(cond: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  const props = (cond.properties as Record<string, Record<string, unknown>> | undefined) ?? {};
  const required = Array.isArray(cond.required) ? cond.required.map(String) : [];
  for (const key of new Set([...required, ...Object.keys(props)])) {
    const p = props[key];
    if (p && 'const' in p) parts.push(`\`${key}\` is ${show(p.const)}`);
    else if (p && Array.isArray(p.enum)) parts.push(`\`${key}\` is ${orList(p.enum.map(String))}`);
    else if (required.includes(key)) parts.push(`\`${key}\` is set`);
  }
  const not = cond.not as Record<string, unknown> | undefined;
  if (not && Array.isArray(not.required)) parts.push(...not.required.map((k) => `\`${String(k)}\` is not set`));
  if (cond.type) parts.push(`it is ${typeWord(String(cond.type))}`);
  return parts.length ? parts.join(' and ') : undefined;
}

/** The description of a (sub)schema: its own, else that of an `allOf`/`$ref` it wraps. Plain text. */
export function descriptionOf(schema: unknown): string | undefined {
  const s = schema as Record<string, unknown> | undefined;
  if (!s || typeof s !== 'object') return undefined;
  if (typeof s.description === 'string') return s.description;
  return undefined;
}

export function parsePointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** `groupIds[0]`, `podSelector`: how the value at a path is named in messages. */
function nameOf(path: ValuePath): string {
  let i = path.length - 1;
  let suffix = '';
  while (i >= 0 && typeof path[i] === 'number') {
    suffix = `[${String(path[i])}]` + suffix;
    i--;
  }
  return (i >= 0 ? String(path[i]) : '') + suffix;
}

function samePath(a: ValuePath, b: ValuePath): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeWord(t: string): string {
  switch (t) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'empty (null)';
    default:
      return t;
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'object') return Array.isArray(v) ? 'a list' : 'a mapping';
  return String(v);
}

function orList(items: readonly string[], quote = true): string {
  const q = quote ? items.map((i) => JSON.stringify(i)) : [...items];
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Levenshtein distance (small strings only: keys and enum values). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(tmp + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The candidates close to `name`, best first: same text ignoring case, then a small edit distance. */
function nearMisses(name: string, candidates: Iterable<string>, max: number): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name || name.length > 64 || c.length > 64) continue;
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d <= limit) scored.push({ c, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, max).map((s) => s.c);
}
