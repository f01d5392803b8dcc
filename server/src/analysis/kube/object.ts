/**
 * Recognises Kubernetes objects in parsed YAML documents. A document is an object when its root
 * is a map with string `apiVersion` and `kind`; `kind: List` (and `*List`) contributes its items.
 * Anything else (GitHub workflows, compose files, CloudFormation, OpenAPI, Ansible) is not.
 */
import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Span } from '../model/types';
import { AnchorTable, asMap, asSeq, getIn, getPair, scalarString, spanOf } from '../yaml/nodes';

export interface KubeObjectModel {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  /** `metadata.namespace` as written (the effective namespace is resolved by the index). */
  readonly namespace: string | undefined;
  readonly root: YAMLMap<unknown, unknown>;
  readonly anchors: AnchorTable;
  /** Span of the `kind` value: where object-level findings are anchored. Relative to its chunk. */
  readonly kindSpan: Span;
  /** Span of the `metadata.name` value, when present. Relative to its chunk. */
  readonly nameSpan: Span | undefined;
  /** Span of the whole object. Relative to its chunk. */
  readonly span: Span;
  /** True for items of a `kind: List`. */
  readonly inList: boolean;
}

export function objectsOfRoot(contents: unknown, anchors: AnchorTable): KubeObjectModel[] {
  const root = asMap(contents, anchors);
  if (!root) return [];
  const obj = objectOf(root, anchors, false);
  if (!obj) return [];
  const items = asSeq(getPair(root, 'items')?.value, anchors);
  if (obj.kind.endsWith('List') && items) {
    const out: KubeObjectModel[] = [];
    for (const item of items.items) {
      const m = asMap(item, anchors);
      const o = m && isMap(m) ? objectOf(m, anchors, true) : undefined;
      if (o) out.push(o);
    }
    return out;
  }
  return [obj];
}

function objectOf(root: YAMLMap<unknown, unknown>, anchors: AnchorTable, inList: boolean): KubeObjectModel | undefined {
  const kindNode = getPair(root, 'kind')?.value;
  const apiVersion = scalarString(getPair(root, 'apiVersion')?.value, anchors);
  const kind = scalarString(kindNode, anchors);
  const kindSpan = spanOf(kindNode);
  const span = spanOf(root);
  if (!apiVersion || !kind || !kindSpan || !span) return undefined;
  const nameNode = getIn(root, ['metadata', 'name'], anchors);
  return {
    apiVersion,
    kind,
    name: scalarString(nameNode, anchors),
    namespace: scalarString(getIn(root, ['metadata', 'namespace'], anchors), anchors),
    root,
    anchors,
    kindSpan,
    nameSpan: spanOf(nameNode),
    span,
    inList,
  };
}
