/**
 * Walks a JSON Schema along a path of keys (and list indexes) to find what may be written there:
 * the properties of a mapping, the allowed values of a scalar, and the descriptions shown in
 * hover. Follows local `$ref`s and `allOf`; `if`/`then` branches only narrow what the schema
 * already lists, so they are not needed to propose keys.
 */
import type { JsonSchema } from './files';

type S = JsonSchema;

function isSchema(v: unknown): v is S {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function deref(root: S, s: S): S {
  let cur = s;
  for (let i = 0; i < 20 && typeof cur.$ref === 'string'; i++) {
    const ref = cur.$ref as string;
    if (!ref.startsWith('#/')) break;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isSchema(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isSchema(target)) break;
    cur = target;
  }
  return cur;
}

/** A schema and the schemas it is made of (`$ref`, `allOf`), outermost first. */
export function expand(root: S, s: S, depth = 0): S[] {
  if (depth > 20) return [];
  const d = deref(root, s);
  const out: S[] = [d];
  for (const part of Array.isArray(d.allOf) ? d.allOf : []) if (isSchema(part)) out.push(...expand(root, part, depth + 1));
  return out;
}

/** The schemas that describe the value at `path` (empty when the path leaves the schema). */
export function schemasAt(root: S, path: readonly (string | number)[]): S[] {
  let current = expand(root, root);
  for (const step of path) {
    const next: S[] = [];
    for (const s of current) {
      if (typeof step === 'number') {
        if (isSchema(s.items)) next.push(...expand(root, s.items));
        continue;
      }
      // A key under a list: the list's items hold it (text context skips list indexes).
      const holders = isSchema(s.items) && !isSchema((s.properties as Record<string, unknown> | undefined)?.[step]) ? expand(root, s.items) : [s];
      for (const h of holders) {
        const props = h.properties as Record<string, unknown> | undefined;
        const p = props?.[step];
        if (isSchema(p)) next.push(...expand(root, p));
        else if (props && step in props) continue; // `false`: not allowed here
        else if (isSchema(h.additionalProperties)) next.push(...expand(root, h.additionalProperties));
      }
    }
    current = next;
    if (!current.length) break;
  }
  return current;
}

/** When the schemas at a place are lists, the schemas of their items. */
export function itemSchemas(root: S, schemas: readonly S[]): S[] {
  return schemas.flatMap((s) => (isSchema(s.items) ? expand(root, s.items) : []));
}

export interface PropertyInfo {
  readonly name: string;
  readonly schemas: readonly S[];
  readonly required: boolean;
}

/** The properties the schemas allow at a place, in schema order. */
export function propertiesOf(root: S, schemas: readonly S[]): PropertyInfo[] {
  const out = new Map<string, { schemas: S[]; required: boolean }>();
  const required = new Set<string>();
  for (const s of schemas) {
    for (const r of Array.isArray(s.required) ? s.required : []) required.add(String(r));
    for (const [name, p] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) {
      if (!isSchema(p)) continue;
      const e = out.get(name) ?? { schemas: [], required: false };
      e.schemas.push(...expand(root, p));
      out.set(name, e);
    }
  }
  return [...out].map(([name, e]) => ({ name, schemas: e.schemas, required: required.has(name) }));
}

/** Markdown description of a place: the first `markdownDescription` or `description` found. */
export function describe(schemas: readonly S[]): string | undefined {
  for (const s of schemas) if (typeof s.markdownDescription === 'string') return s.markdownDescription;
  for (const s of schemas) if (typeof s.description === 'string') return s.description;
  return undefined;
}

/** The JSON types allowed at a place. */
export function typesOf(schemas: readonly S[]): string[] {
  const out = new Set<string>();
  for (const s of schemas) for (const t of ([] as unknown[]).concat(s.type ?? [])) out.add(String(t));
  return [...out];
}

/** The values allowed at a place (`enum`, `const`, booleans), with the default when there is one. */
export function valuesOf(schemas: readonly S[]): { values: string[]; default: string | undefined } {
  const values = new Set<string>();
  let def: string | undefined;
  for (const s of schemas) {
    for (const v of Array.isArray(s.enum) ? s.enum : []) values.add(String(v));
    if ('const' in s) values.add(String(s.const));
    if (s.default !== undefined && def === undefined && typeof s.default !== 'object') def = String(s.default);
  }
  if (!values.size && typesOf(schemas).includes('boolean')) ['true', 'false'].forEach((v) => values.add(v));
  return { values: [...values], default: def };
}
