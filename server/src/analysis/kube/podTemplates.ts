/**
 * Pod templates: the pods a workload will create (or a Pod itself), with their labels, containers
 * and ports, as selectors see them.
 */
import type { YAMLMap } from 'yaml';
import type { Span } from '../model/types';
import type { KObject } from '../workspace/fileModel';
import { asMap, asSeq, getIn, getPair, scalarString, spanOf, stringEntries } from '../yaml/nodes';
import { POD_TEMPLATE_PATHS } from './kinds';

export interface ContainerPort {
  readonly name: string | undefined;
  readonly containerPort: number | undefined;
  readonly protocol: string;
  readonly container: string | undefined;
  /** Chunk-relative span of the port's name (or number). */
  readonly span: Span | undefined;
}

export interface PodTemplate {
  readonly obj: KObject;
  /** Path from the object root to the template (`[]` for a Pod). */
  readonly path: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  /** The template's `metadata.labels` map, when written. */
  readonly labelsNode: YAMLMap<unknown, unknown> | undefined;
  readonly containers: readonly string[];
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  readonly serviceAccountName: string | undefined;
}

export function podTemplateOf(obj: KObject): PodTemplate | undefined {
  const m = obj.model;
  const path = m.kind === 'Pod' ? [] : POD_TEMPLATE_PATHS.get(m.kind);
  if (!path) return undefined;
  const tpl = path.length ? asMap(getIn(m.root, path, m.anchors), m.anchors) : m.root;
  if (!tpl) return undefined;
  const labelsNode = asMap(getIn(tpl, ['metadata', 'labels'], m.anchors), m.anchors);
  const labels = new Map<string, string>();
  for (const e of stringEntries(labelsNode, m.anchors)) labels.set(e.key, e.value ?? '');
  const spec = asMap(getPair(tpl, 'spec')?.value, m.anchors);
  const containers: string[] = [];
  const ports: ContainerPort[] = [];
  for (const field of ['containers', 'initContainers']) {
    for (const c of asSeq(getPair(spec, field)?.value, m.anchors)?.items ?? []) {
      const cm = asMap(c, m.anchors);
      const cname = scalarString(getPair(cm, 'name')?.value, m.anchors);
      if (field === 'containers' && cname) containers.push(cname);
      for (const p of asSeq(getPair(cm, 'ports')?.value, m.anchors)?.items ?? []) {
        const pm = asMap(p, m.anchors);
        if (!pm) continue;
        const namePair = getPair(pm, 'name');
        const numberPair = getPair(pm, 'containerPort');
        const num = Number(scalarString(numberPair?.value, m.anchors));
        ports.push({
          name: scalarString(namePair?.value, m.anchors),
          containerPort: Number.isInteger(num) ? num : undefined,
          protocol: scalarString(getPair(pm, 'protocol')?.value, m.anchors) ?? 'TCP',
          container: cname,
          span: spanOf(namePair?.value) ?? spanOf(numberPair?.value),
        });
      }
    }
  }
  const hostNetwork = scalarString(getPair(spec, 'hostNetwork')?.value, m.anchors) === 'true';
  const serviceAccountName = scalarString(getPair(spec, 'serviceAccountName')?.value, m.anchors) ?? scalarString(getPair(spec, 'serviceAccount')?.value, m.anchors);
  return { obj, path, labels, labelsNode, containers, ports, hostNetwork, serviceAccountName };
}
