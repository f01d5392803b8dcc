/**
 * Small, total helpers over the `yaml` package's AST. None of them throws on unexpected shapes;
 * they return `undefined` instead. Aliases are followed through an anchor table, never expanded
 * recursively, so an alias bomb costs nothing here.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { Span } from '../model/types';

export type YNode = Node;
export type YPair = Pair<unknown, unknown>;

/** Anchor name → the nodes carrying it, in document order. */
export type AnchorTable = ReadonlyMap<string, readonly YNode[]>;

export function spanOf(node: unknown): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Follows an alias to its anchored node (one hop; the target is never an alias). */
export function deref(node: unknown, anchors: AnchorTable | undefined): YNode | undefined {
  if (isAlias(node)) {
    const candidates = anchors?.get(node.source);
    if (!candidates) return undefined;
    const at = node.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    let found: YNode | undefined;
    for (const c of candidates) if ((c.range?.[0] ?? 0) < at) found = c;
    return found && !isAlias(found) ? found : undefined;
  }
  return isMap(node) || isSeq(node) || isScalar(node) ? (node as YNode) : undefined;
}

export function asMap(node: unknown, anchors?: AnchorTable): YAMLMap<unknown, unknown> | undefined {
  const n = deref(node, anchors);
  return isMap(n) ? n : undefined;
}

export function asSeq(node: unknown, anchors?: AnchorTable): YAMLSeq<unknown> | undefined {
  const n = deref(node, anchors);
  return isSeq(n) ? n : undefined;
}

export function asScalar(node: unknown, anchors?: AnchorTable): Scalar | undefined {
  const n = deref(node, anchors);
  return isScalar(n) ? n : undefined;
}

/** The text of a scalar key (keys that are not scalars have no name). */
export function keyName(pair: YPair): string | undefined {
  const k = pair.key;
  if (!isScalar(k)) return undefined;
  const v = k.value;
  return typeof v === 'string' ? v : v === null || v === undefined ? undefined : String(v);
}

export function pairs(map: YAMLMap<unknown, unknown> | undefined): YPair[] {
  if (!map) return [];
  return map.items.filter((p): p is YPair => isPair(p));
}

export function getPair(map: YAMLMap<unknown, unknown> | undefined, key: string): YPair | undefined {
  if (!map) return undefined;
  for (const p of map.items) if (isPair(p) && keyName(p) === key) return p;
  return undefined;
}

/** Walks a path of map keys and sequence indexes. */
export function getIn(node: unknown, path: readonly (string | number)[], anchors?: AnchorTable): YNode | undefined {
  let cur: YNode | undefined = deref(node, anchors);
  for (const step of path) {
    if (cur === undefined) return undefined;
    if (typeof step === 'number') {
      const seq = asSeq(cur, anchors);
      cur = seq ? deref(seq.items[step], anchors) : undefined;
    } else {
      const map = asMap(cur, anchors);
      cur = map ? deref(getPair(map, step)?.value, anchors) : undefined;
    }
  }
  return cur;
}

/** A scalar's value as a string (numbers and booleans in their source form), else undefined. */
export function scalarString(node: unknown, anchors?: AnchorTable): string | undefined {
  const s = asScalar(node, anchors);
  if (!s) return undefined;
  if (typeof s.value === 'string') return s.value;
  if (s.value === null || s.value === undefined) return undefined;
  return typeof s.source === 'string' ? s.source : String(s.value);
}

export interface StringEntry {
  readonly key: string;
  readonly pair: YPair;
  readonly value: string | undefined;
}

/** The entries of a string → string map such as labels or annotations. */
export function stringEntries(node: unknown, anchors?: AnchorTable): StringEntry[] {
  const map = asMap(node, anchors);
  const out: StringEntry[] = [];
  for (const p of pairs(map)) {
    const key = keyName(p);
    if (key === undefined || key === '<<') continue;
    out.push({ key, pair: p, value: scalarString(p.value, anchors) });
  }
  return out;
}

/**
 * Converts a node to plain JSON-like data, following aliases, visiting at most `budget` nodes.
 * Returns `undefined` when the budget runs out (alias bombs, huge values).
 */
export function toPlain(node: unknown, anchors: AnchorTable | undefined, budget = 10000): unknown {
  let left = budget;
  const visit = (n: unknown): unknown => {
    if (--left < 0) throw BUDGET;
    const d = deref(n, anchors);
    if (d === undefined) return null;
    if (isScalar(d)) return d.value;
    if (isSeq(d)) return d.items.map(visit);
    const out: Record<string, unknown> = {};
    for (const p of pairs(d as YAMLMap<unknown, unknown>)) {
      const k = keyName(p);
      if (k !== undefined) out[k] = visit(p.value);
    }
    return out;
  };
  try {
    return visit(node);
  } catch (e) {
    if (e === BUDGET) return undefined;
    throw e;
  }
}
const BUDGET = Symbol('budget');

/** True when a value is a template placeholder (Helm `{{ }}`, envsubst `${VAR}`), not a real value. */
export function isTemplated(value: string): boolean {
  return value.includes('{{') || /\$\{[^}]*\}/.test(value) || /^\$[A-Z_][A-Z0-9_]*$/.test(value);
}
