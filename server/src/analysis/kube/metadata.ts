/** Where labels and annotations live in an object: its own metadata and its pod template's. */
import type { YAMLMap } from 'yaml';
import { asMap, getIn } from '../yaml/nodes';
import type { KubeObjectModel } from './object';
import { POD_TEMPLATE_PATHS } from './kinds';

export interface MetadataMap {
  /** Path of the map from the object root, e.g. ['spec','template','metadata','annotations']. */
  readonly path: readonly string[];
  readonly map: YAMLMap<unknown, unknown>;
  /** Whether the map belongs to the object itself or to its pod template. */
  readonly owner: 'object' | 'podTemplate';
}

function metadataMaps(obj: KubeObjectModel, field: 'annotations' | 'labels'): MetadataMap[] {
  const out: MetadataMap[] = [];
  const own = asMap(getIn(obj.root, ['metadata', field], obj.anchors), obj.anchors);
  if (own) out.push({ path: ['metadata', field], map: own, owner: 'object' });
  const tpl = POD_TEMPLATE_PATHS.get(obj.kind);
  if (tpl) {
    const path = [...tpl, 'metadata', field];
    const m = asMap(getIn(obj.root, path, obj.anchors), obj.anchors);
    if (m) out.push({ path, map: m, owner: 'podTemplate' });
  }
  return out;
}

export function annotationMaps(obj: KubeObjectModel): MetadataMap[] {
  return metadataMaps(obj, 'annotations');
}

export function labelMaps(obj: KubeObjectModel): MetadataMap[] {
  return metadataMaps(obj, 'labels');
}
