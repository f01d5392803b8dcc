/**
 * Finds what is under a position: the object, the path of keys and indexes from its root, the
 * node, and whether the position is on a key or a value. Total: any offset gives an answer.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Span } from '../model/types';
import type { FileModel, KObject } from '../workspace/fileModel';
import { deref, keyName, pairs, spanOf, YNode, YPair } from '../yaml/nodes';

export interface Location {
  readonly obj: KObject;
  /** Path from the object root to the node under the position. */
  readonly path: readonly (string | number)[];
  /** The node under the position (a scalar key when `onKey`). */
  readonly node: YNode | undefined;
  /** The pair whose key or value holds the position. */
  readonly pair: YPair | undefined;
  readonly onKey: boolean;
  /** Chunk-relative span of `node` (or of the key when `onKey`). */
  readonly span: Span | undefined;
}

const within = (s: Span | undefined, rel: number) => !!s && s.start <= rel && rel <= s.end;

export function locate(file: FileModel, offset: number): Location | undefined {
  const obj = file.objectAt(offset);
  if (!obj) return undefined;
  const rel = offset - obj.base;
  const { anchors } = obj.model;
  const path: (string | number)[] = [];
  let node: YNode | undefined = obj.model.root;
  let pair: YPair | undefined;
  for (let depth = 0; depth < 200 && node; depth++) {
    if (isMap(node)) {
      const hit = pairs(node).find((p) => within(spanOf(p.key), rel) || within(spanOf(p.value), rel));
      if (!hit) break;
      const name = keyName(hit);
      if (name === undefined) break;
      pair = hit;
      path.push(name);
      if (within(spanOf(hit.key), rel)) {
        return { obj, path, node: hit.key as YNode, pair, onKey: true, span: spanOf(hit.key) };
      }
      node = deref(hit.value, anchors);
      continue;
    }
    if (isSeq(node)) {
      const i = node.items.findIndex((it) => within(spanOf(it), rel));
      if (i < 0) break;
      path.push(i);
      pair = undefined;
      node = deref(node.items[i], anchors);
      continue;
    }
    break;
  }
  return { obj, path, node, pair, onKey: false, span: isScalar(node) ? spanOf(node) : spanOf(node) };
}
