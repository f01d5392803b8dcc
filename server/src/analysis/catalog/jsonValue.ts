/**
 * JSON-valued annotations: a small JSON reader that keeps the offset of every value and key (so
 * errors can point inside the annotation string) and notices duplicate keys, which Go's
 * encoding/json silently collapses (the last one wins). Plus a walk that finds fields the JSON
 * Schema does not describe (Go drops unknown fields silently).
 */
import { nearest } from './lookup';

export type JsonPath = readonly (string | number)[];

export interface JsonNodeInfo {
  readonly start: number;
  readonly end: number;
  /** For object members: the offsets of the key string (with its quotes). */
  readonly keyStart?: number;
  readonly keyEnd?: number;
}

export interface ParsedJson {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly offset: number; readonly message: string };
  /** Path (joined with \u0000) → offsets. */
  readonly nodes: ReadonlyMap<string, JsonNodeInfo>;
  readonly duplicates: readonly { readonly path: JsonPath; readonly key: string; readonly keyStart: number; readonly keyEnd: number }[];
}

export function pathKey(path: JsonPath): string {
  return path.map(String).join('\u0000');
}

class Fail extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function parseJson(text: string): ParsedJson {
  const nodes = new Map<string, JsonNodeInfo>();
  const duplicates: { path: JsonPath; key: string; keyStart: number; keyEnd: number }[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && /[ \t\r\n]/.test(text[i] as string)) i++;
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the value' : `${JSON.stringify(text[at])} at character ${at + 1}`);
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const n = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (n !== undefined && map[n] !== undefined) {
          out += map[n];
          i += 2;
        } else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else throw new Fail(i, `invalid escape in a string at character ${i + 1}`);
        continue;
      }
      if (c < ' ') throw new Fail(i, `control character in a string at character ${i + 1}`);
      out += c;
      i++;
    }
    throw new Fail(start, `unterminated string starting at character ${start + 1}`);
  };
  const value = (path: (string | number)[], keyInfo?: { keyStart: number; keyEnd: number }): unknown => {
    ws();
    const start = i;
    const c = text[i];
    let v: unknown;
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') throw new Fail(i, `expected a quoted field name, found ${describe(i)}`);
          const ks = i;
          const k = str();
          const ke = i;
          ws();
          if (text[i] !== ':') throw new Fail(i, `expected ":" after field name ${JSON.stringify(k)}, found ${describe(i)}`);
          i++;
          if (seen.has(k)) duplicates.push({ path: [...path], key: k, keyStart: ks, keyEnd: ke });
          seen.add(k);
          obj[k] = value([...path, k], { keyStart: ks, keyEnd: ke });
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === '}') {
            i++;
            break;
          }
          throw new Fail(i, `expected "," or "}" in an object, found ${describe(i)}`);
        }
      }
      v = obj;
    } else if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          arr.push(value([...path, arr.length]));
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          throw new Fail(i, `expected "," or "]" in an array, found ${describe(i)}`);
        }
      }
      v = arr;
    } else if (c === '"') v = str();
    else {
      const m = /^(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null)/.exec(text.slice(i));
      if (!m) throw new Fail(i, `unexpected ${describe(i)}${c === "'" ? ' (JSON strings need double quotes)' : ''}`);
      i += m[1]!.length;
      const t = m[1] as string;
      v = t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : Number(t);
    }
    nodes.set(pathKey(path), { start, end: i, ...(keyInfo ?? {}) });
    return v;
  };
  try {
    const v = value([]);
    ws();
    if (i < text.length) throw new Fail(i, `unexpected ${describe(i)} after the end of the JSON value`);
    return { ok: true, value: v, nodes, duplicates };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { offset: Math.min(e.offset, Math.max(0, text.length - 1)), message: e.message }, nodes, duplicates };
    throw e;
  }
}

type Schema = Record<string, unknown>;

export interface UnknownField {
  readonly path: JsonPath;
  readonly field: string;
  readonly suggestion?: string;
  readonly known: readonly string[];
}

/** Fields of objects in `value` that the schema neither names in `properties` nor matches with `patternProperties`. */
export function unknownFields(root: Schema, value: unknown): UnknownField[] {
  const out: UnknownField[] = [];
  const resolve = (s: unknown): Schema | undefined => {
    let cur = s as Schema | undefined;
    for (let n = 0; n < 20 && cur && typeof cur === 'object' && typeof cur.$ref === 'string'; n++) {
      const ref = cur.$ref as string;
      if (!ref.startsWith('#')) return undefined;
      let t: unknown = root;
      for (const step of ref.slice(1).split('/').filter(Boolean)) t = (t as Record<string, unknown> | undefined)?.[step.replace(/~1/g, '/').replace(/~0/g, '~')];
      cur = t as Schema | undefined;
    }
    return cur && typeof cur === 'object' ? cur : undefined;
  };
  /** The schema and the subschemas that apply alongside it (allOf/anyOf/oneOf/then/else). */
  const family = (s: Schema | undefined, depth = 0): Schema[] => {
    if (!s || depth > 8) return [];
    const out: Schema[] = [s];
    for (const k of ['allOf', 'anyOf', 'oneOf']) for (const sub of (s[k] as unknown[] | undefined) ?? []) out.push(...family(resolve(sub), depth + 1));
    for (const k of ['then', 'else']) if (s[k] && typeof s[k] === 'object') out.push(...family(resolve(s[k]), depth + 1));
    return out;
  };
  const walk = (s: Schema | undefined, v: unknown, path: (string | number)[], depth: number): void => {
    if (!s || depth > 30) return;
    const fam = family(s);
    if (Array.isArray(v)) {
      const items = fam.map((f) => resolve(f.items)).filter((x): x is Schema => !!x);
      v.forEach((item, idx) => items.forEach((it) => walk(it, item, [...path, idx], depth + 1)));
      return;
    }
    if (!v || typeof v !== 'object') return;
    const props = new Map<string, Schema>();
    const patterns: [RegExp, Schema][] = [];
    let open: Schema | undefined;
    let anyOpen = false;
    let described = false;
    for (const f of fam) {
      const p = f.properties as Record<string, unknown> | undefined;
      if (p) {
        described = true;
        for (const [k, sub] of Object.entries(p)) {
          const r = resolve(sub);
          if (r && typeof r === 'object' && !props.has(k)) props.set(k, r);
          else if (!props.has(k)) props.set(k, {});
        }
      }
      const pp = f.patternProperties as Record<string, unknown> | undefined;
      if (pp) {
        described = true;
        for (const [k, sub] of Object.entries(pp)) {
          const r = resolve(sub);
          patterns.push([new RegExp(k), r ?? {}]);
        }
      }
      if (f.additionalProperties && typeof f.additionalProperties === 'object') {
        open = resolve(f.additionalProperties);
        anyOpen = true;
      }
      if (f.propertyNames) anyOpen = true;
    }
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      const direct = props.get(k) ?? patterns.find(([re]) => re.test(k))?.[1];
      if (direct) walk(direct, child, [...path, k], depth + 1);
      else if (open) walk(open, child, [...path, k], depth + 1);
      else if (described && !anyOpen) {
        const known = [...props.keys()];
        const suggestion = nearest(k, known);
        out.push({ path: [...path, k], field: k, known, ...(suggestion ? { suggestion } : {}) });
      }
    }
  };
  walk(root, value, [], 0);
  return out;
}

/**
 * Fields required at `path` (the schemas encode Go's case-insensitive names as
 * `anyOf: [{required: [x]}, {no key matching /x/i}]`) that the object lacks in any spelling.
 */
export function missingRequired(root: Schema, value: unknown, path: JsonPath): string[] {
  let v: unknown = value;
  for (const step of path) v = (v as Record<string, unknown> | unknown[] | null)?.[step as never];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  const present = new Set(Object.keys(v as object).map((k) => k.toLowerCase()));
  // Walk the schema along the path (properties / items / patternProperties by exact name).
  const resolve = (s: unknown): Schema | undefined => {
    let cur = s as Schema | undefined;
    for (let n = 0; n < 20 && cur && typeof cur.$ref === 'string'; n++) {
      let t: unknown = root;
      for (const st of (cur.$ref as string).slice(1).split('/').filter(Boolean)) t = (t as Record<string, unknown> | undefined)?.[st];
      cur = t as Schema | undefined;
    }
    return cur;
  };
  let s: Schema | undefined = root;
  for (const step of path) {
    if (!s) return [];
    if (typeof step === 'number') s = resolve(s.items);
    else {
      const props = s.properties as Record<string, unknown> | undefined;
      const pp = s.patternProperties as Record<string, unknown> | undefined;
      s = resolve(props?.[step] ?? Object.entries(pp ?? {}).find(([re]) => new RegExp(re).test(step))?.[1]);
    }
  }
  if (!s) return [];
  const req = new Set<string>();
  const visit = (x: Schema | undefined, depth: number): void => {
    if (!x || depth > 4) return;
    for (const r of (x.required as string[] | undefined) ?? []) req.add(r);
    for (const sub of (x.allOf as Schema[] | undefined) ?? []) visit(resolve(sub), depth + 1);
    for (const sub of (x.anyOf as Schema[] | undefined) ?? []) for (const r of (sub.required as string[] | undefined) ?? []) req.add(r);
  };
  visit(s, 0);
  return [...req].filter((r) => !present.has(r.toLowerCase()));
}
