/**
 * How IngressGroup members' annotation values are compared: the keys the controller requires to
 * agree (the catalogue's `groupMerge: exclusive`), maps merged key by key where one key with two
 * values is an error (`stringMap` keys, `tags`), and listen-ports merged port by port where the
 * protocol must agree. Values are normalised the way the controller parses them.
 */
import { ALL_ANNOTATIONS } from '../catalog/data';
import type { AnnotationSpec } from '../catalog/types';
import type { KObject } from '../workspace/fileModel';
import { paramsField } from './classes';
import type { GroupMember } from './ingressGroups';
import { ALB } from './ingress';

/** Keys compared across members: exclusive ones, plus maps merged key by key, plus listen-ports. */
export const GROUP_KEYS: readonly AnnotationSpec[] = ALL_ANNOTATIONS.filter(
  (a) => !a.keyPattern && a.kinds.includes('Ingress') && (a.groupMerge === 'exclusive' || (a.groupMerge === 'merge' && (a.type === 'stringMap' || a.key === `${ALB}listen-ports`))),
);

export type Normalised =
  | { readonly kind: 'scalar'; readonly value: string }
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<string, string> };

/**
 * Every member of a group is compared with every other, so the same values are normalised again and
 * again (listen-ports is JSON): results are kept per key and raw value (they are never mutated).
 */
const normalised = new Map<string, Map<string, Normalised>>();
const MAX_KEPT = 5000;

export function normalise(spec: AnnotationSpec, raw: string): Normalised {
  let byRaw = normalised.get(spec.key);
  if (!byRaw) normalised.set(spec.key, (byRaw = new Map()));
  let n = byRaw.get(raw);
  if (!n) {
    if (byRaw.size >= MAX_KEPT) byRaw.clear();
    byRaw.set(raw, (n = computeNormalised(spec, raw)));
  }
  return n;
}

function computeNormalised(spec: AnnotationSpec, raw: string): Normalised {
  switch (spec.type) {
    case 'stringList':
      return { kind: 'scalar', value: [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))].sort().join(',') };
    case 'boolean':
      return { kind: 'scalar', value: /^(1|t|T|TRUE|true|True)$/.test(raw.trim()) ? 'true' : /^(0|f|F|FALSE|false|False)$/.test(raw.trim()) ? 'false' : raw.trim() };
    case 'stringMap':
      return { kind: 'map', entries: parseStringMap(raw) };
    case 'json':
      if (spec.key === `${ALB}listen-ports`) return { kind: 'map', entries: listenPorts(raw) ?? new Map() };
      try {
        return { kind: 'scalar', value: canonical(JSON.parse(raw)) };
      } catch {
        return { kind: 'scalar', value: raw.trim() };
      }
    default:
      return { kind: 'scalar', value: raw.trim() };
  }
}

/** `k=v,k2=v2` with `\` escapes, as the controller splits it. */
export function parseStringMap(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\' && i + 1 < raw.length) cur += raw[++i];
    else if (c === ',') {
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  items.push(cur);
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    out.set(item.slice(0, eq).trim(), item.slice(eq + 1).trim());
  }
  return out;
}

/** listen-ports as port → protocol; undefined when the JSON is malformed. */
export function listenPorts(raw: string): Map<string, string> | undefined {
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return undefined;
    const out = new Map<string, string>();
    for (const item of v) {
      if (!item || typeof item !== 'object') continue;
      for (const [proto, port] of Object.entries(item as Record<string, unknown>)) out.set(String(port), proto);
    }
    return out;
  } catch {
    return undefined;
  }
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** Whether the member's IngressClassParams set the field that replaces this annotation. */
export function overriddenByParams(member: { cls: GroupMember['cls'] }, spec: AnnotationSpec): KObject | undefined {
  const field = spec.overriddenByClassParam;
  const params = member.cls.params;
  if (!field || !params || !field.startsWith('spec.')) return undefined;
  const node = paramsField(params, field.slice('spec.'.length).split('.'));
  return node === undefined || node === null ? undefined : params;
}
