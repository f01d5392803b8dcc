/**
 * Maps a schema error's value path back to the YAML it came from: the key for errors about keys
 * (unknown, not allowed, invalid name), the parent's key for missing keys, the scalar for errors
 * about values, and the key of a mapping or list for errors about collections, so that ranges
 * stay on one line.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Span } from '../model/types';
import { type AnchorTable, asMap, asSeq, deref, getPair, spanOf, type YNode, type YPair } from '../yaml/nodes';
import type { SchemaError, ValuePath } from './validator';

export interface YamlStep {
  /** The node reached. */
  readonly node: YNode | undefined;
  /** The pair whose value it is (undefined for the root and for list items). */
  readonly pair: YPair | undefined;
}

/** Walks a value path through the YAML AST, following aliases. Undefined when a step is missing. */
export function walk(root: unknown, path: ValuePath, anchors: AnchorTable): YamlStep[] | undefined {
  const steps: YamlStep[] = [{ node: deref(root, anchors), pair: undefined }];
  let cur: YNode | undefined = steps[0]!.node;
  for (const step of path) {
    if (typeof step === 'number') {
      const seq = asSeq(cur, anchors);
      if (!seq) return undefined;
      cur = deref(seq.items[step], anchors);
      if (!cur) return undefined;
      steps.push({ node: cur, pair: undefined });
    } else {
      const map = asMap(cur, anchors);
      const pair = map ? getPair(map, step) : undefined;
      if (!pair) return undefined;
      cur = deref(pair.value, anchors);
      steps.push({ node: cur, pair });
    }
  }
  return steps;
}

/** Where to put a finding for a schema error, relative to the chunk. `fallback` anchors errors on the root. */
export function spanForError(err: SchemaError, root: unknown, anchors: AnchorTable, fallback: Span, text: string): Span | undefined {
  if (err.missing) {
    const steps = walk(root, err.path.slice(0, -1), anchors);
    if (!steps) return undefined;
    return oneLine(ownerSpan(steps) ?? fallback, text);
  }
  const steps = walk(root, err.path, anchors);
  if (!steps) return undefined;
  const last = steps[steps.length - 1]!;
  if (err.anchor === 'key') return oneLine((last.pair ? spanOf(last.pair.key) : undefined) ?? ownerSpan(steps.slice(0, -1)) ?? fallback, text);
  if (isScalar(last.node)) return oneLine(spanOf(last.node) ?? fallback, text);
  // A collection (or an empty value): anchor on its key, or for a list item on its first key.
  return oneLine(ownerSpan(steps) ?? fallback, text);
}

/** The key that names the innermost node of a walk: its pair's key, or the first key of a list item. */
function ownerSpan(steps: readonly YamlStep[]): Span | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.pair) return spanOf(s.pair.key);
    if (isMap(s.node) && !s.node.items.length && s.node.flow) return spanOf(s.node);
    if (isMap(s.node)) {
      const first = s.node.items[0];
      const k = first ? spanOf((first as YPair).key) : undefined;
      if (k) return k;
    }
    if (isScalar(s.node)) return spanOf(s.node);
    if (isSeq(s.node) && i === steps.length - 1) continue;
  }
  return undefined;
}

function oneLine(span: Span, text: string): Span {
  const nl = text.indexOf('\n', span.start);
  return nl >= 0 && nl < span.end ? { start: span.start, end: nl } : span;
}
