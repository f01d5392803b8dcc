/**
 * Label selectors, exactly as the API evaluates them: `matchLabels` and `matchExpressions`
 * (In, NotIn, Exists, DoesNotExist) are ANDed; an empty selector selects everything; map-style
 * selectors (Service `spec.selector`) are matchLabels alone. A selector whose values are
 * templated (`{{ }}`, `${VAR}`) is "unknown": it is never reported as matching nothing.
 */
import { isMap } from 'yaml';
import type { Span } from '../model/types';
import { AnchorTable, asMap, asSeq, getPair, isTemplated, keyName, pairs, scalarString, spanOf, YPair } from '../yaml/nodes';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
  /** Chunk-relative span of the key (a matchLabels key, or an expression's `key` value). */
  readonly keySpan: Span | undefined;
  /** Chunk-relative span of the value (matchLabels) or of the `values`/`operator` node. */
  readonly valueSpan: Span | undefined;
}

export interface Selector {
  readonly requirements: readonly Requirement[];
  /** True when the selector selects everything (`{}` or no requirements). */
  readonly empty: boolean;
  /** True when some value is a template placeholder: results are not trustworthy. */
  readonly unknown: boolean;
  /** Chunk-relative span to anchor findings on (the selector's key). */
  readonly span: Span | undefined;
}

export type Labels = ReadonlyMap<string, string>;

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Reads a `metav1.LabelSelector` (matchLabels/matchExpressions). `pair` is the selector's own key/value pair. */
export function parseLabelSelector(pair: YPair | undefined, anchors: AnchorTable): Selector | undefined {
  if (!pair) return undefined;
  const span = spanOf(pair.key);
  const map = asMap(pair.value, anchors);
  if (!map) {
    // `podSelector:` with nothing, or `{}`: selects everything. Anything else is malformed.
    const v = pair.value as { value?: unknown } | null;
    if (v === null || v === undefined || (v as { value?: unknown }).value === null) return { requirements: [], empty: true, unknown: false, span };
    return undefined;
  }
  const reqs: Requirement[] = [];
  let unknown = false;
  for (const p of pairs(map)) {
    const name = keyName(p);
    if (name === 'matchLabels') {
      for (const lp of pairs(asMap(p.value, anchors))) {
        const key = keyName(lp);
        const value = scalarString(lp.value, anchors) ?? '';
        if (key === undefined) continue;
        if (isTemplated(key) || isTemplated(value)) unknown = true;
        reqs.push({ key, operator: 'In', values: [value], keySpan: spanOf(lp.key), valueSpan: spanOf(lp.value) ?? spanOf(lp.key) });
      }
    } else if (name === 'matchExpressions') {
      for (const item of asSeq(p.value, anchors)?.items ?? []) {
        const e = asMap(item, anchors);
        if (!e) continue;
        const key = scalarString(getPair(e, 'key')?.value, anchors);
        const op = scalarString(getPair(e, 'operator')?.value, anchors);
        const valuesPair = getPair(e, 'values');
        const values = (asSeq(valuesPair?.value, anchors)?.items ?? []).map((v) => scalarString(v, anchors) ?? '');
        if (key === undefined || op === undefined || !OPERATORS.has(op)) {
          unknown = true; // malformed: the schema rule reports it; do not guess what it selects
          continue;
        }
        if (isTemplated(key) || values.some(isTemplated)) unknown = true;
        reqs.push({ key, operator: op as Operator, values, keySpan: spanOf(getPair(e, 'key')?.value), valueSpan: spanOf(valuesPair?.value) ?? spanOf(getPair(e, 'operator')?.value) });
      }
    } else if (name !== undefined) {
      // A label written directly under the selector (missing matchLabels): the API drops it and the
      // selector then selects everything. Reported by the schema rules; here it is "unknown".
      unknown = true;
    }
  }
  return { requirements: reqs, empty: reqs.length === 0 && !unknown, unknown, span };
}

/** Reads a map-style selector such as a Service's `spec.selector`. */
export function parseMapSelector(pair: YPair | undefined, anchors: AnchorTable): Selector | undefined {
  if (!pair) return undefined;
  const map = asMap(pair.value, anchors);
  if (!map || !isMap(map)) return undefined;
  const reqs: Requirement[] = [];
  let unknown = false;
  for (const lp of pairs(map)) {
    const key = keyName(lp);
    const value = scalarString(lp.value, anchors) ?? '';
    if (key === undefined) continue;
    if (isTemplated(key) || isTemplated(value)) unknown = true;
    reqs.push({ key, operator: 'In', values: [value], keySpan: spanOf(lp.key), valueSpan: spanOf(lp.value) ?? spanOf(lp.key) });
  }
  return { requirements: reqs, empty: reqs.length === 0, unknown, span: spanOf(pair.key) };
}

export function matches(selector: Selector, labels: Labels): boolean {
  return selector.requirements.every((r) => matchesRequirement(r, labels));
}

export function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const v = labels.get(r.key);
  switch (r.operator) {
    case 'In':
      return v !== undefined && r.values.includes(v);
    case 'NotIn':
      return v === undefined || !r.values.includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
  }
}

/** One requirement as it reads in a message: `app=web`, `tier in (a, b)`, `!canary`; `Exists` as `key` plus `existsSuffix`. */
export function describeRequirement(r: Requirement, existsSuffix = ''): string {
  switch (r.operator) {
    case 'In':
      return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(', ')})`;
    case 'NotIn':
      return `${r.key} notin (${r.values.join(', ')})`;
    case 'Exists':
      return `${r.key}${existsSuffix}`;
    case 'DoesNotExist':
      return `!${r.key}`;
  }
}

/** `app=web, tier in (a, b)` — how a selector reads in messages. */
export function describeSelector(s: Selector): string {
  return s.empty ? '(everything)' : s.requirements.map((r) => describeRequirement(r)).join(', ');
}
