/**
 * Services of the workspace by namespace and name, with their ports (name, port, targetPort,
 * nodePort) and type, and lookups of a Service port by name or number.
 */
import type { Span } from '../model/types';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { asMap, asSeq, getIn, getPair, scalarString, spanOf, stringEntries, YPair } from '../yaml/nodes';
import { isPartial } from './kustomize';
import { knownNamespace } from './namespaces';

export interface ServicePort {
  readonly name: string | undefined;
  readonly port: number | undefined;
  readonly protocol: string;
  /** A number, a container port name, or undefined (then it equals `port`). */
  readonly targetPort: number | string | undefined;
  readonly targetPortPair: YPair | undefined;
  /** Chunk-relative span of the port entry's name (or of its number). */
  readonly span: Span | undefined;
}

export interface ServiceInfo {
  readonly obj: KObject;
  readonly name: string;
  readonly namespace: string;
  /** `spec.type`, `ClusterIP` when absent. */
  readonly type: string;
  readonly typeSpan: Span | undefined;
  readonly ports: readonly ServicePort[];
  readonly annotations: ReadonlyMap<string, string>;
}

export function serviceInfo(obj: KObject, namespace: string): ServiceInfo | undefined {
  const { root, anchors } = obj.model;
  if (obj.model.kind !== 'Service' || !obj.model.name) return undefined;
  const spec = asMap(getPair(root, 'spec')?.value, anchors);
  const typePair = getPair(spec, 'type');
  const ports: ServicePort[] = [];
  for (const item of asSeq(getPair(spec, 'ports')?.value, anchors)?.items ?? []) {
    const pm = asMap(item, anchors);
    if (!pm) continue;
    const namePair = getPair(pm, 'name');
    const portPair = getPair(pm, 'port');
    const tpPair = getPair(pm, 'targetPort');
    const port = Number(scalarString(portPair?.value, anchors));
    const tpRaw = scalarString(tpPair?.value, anchors);
    const tpNum = Number(tpRaw);
    ports.push({
      name: scalarString(namePair?.value, anchors),
      port: Number.isInteger(port) ? port : undefined,
      protocol: scalarString(getPair(pm, 'protocol')?.value, anchors) ?? 'TCP',
      targetPort: tpRaw === undefined ? undefined : Number.isInteger(tpNum) && /^\d+$/.test(tpRaw) ? tpNum : tpRaw,
      targetPortPair: tpPair,
      span: spanOf(namePair?.value) ?? spanOf(portPair?.value),
    });
  }
  const annotations = new Map(stringEntries(getIn(root, ['metadata', 'annotations'], anchors), anchors).map((e) => [e.key, e.value ?? '']));
  return {
    obj,
    name: obj.model.name,
    namespace,
    type: scalarString(typePair?.value, anchors) ?? 'ClusterIP',
    typeSpan: spanOf(typePair?.value),
    ports,
    annotations,
  };
}

/** `serviceInfo`, memoised on the chunk (it depends only on the object's text and namespace). */
function serviceInfoCached(obj: KObject, namespace: string): ServiceInfo | undefined {
  const key = `xref:service|${obj.ordinal}|${namespace}`;
  let info: ServiceInfo | undefined;
  if (obj.chunk.memo.has(key)) info = obj.chunk.memo.get(key) as ServiceInfo | undefined;
  else {
    info = serviceInfo(obj, namespace);
    obj.chunk.memo.set(key, info);
  }
  // The chunk outlives the file version it was parsed for: re-attach the current object.
  return info && info.obj !== obj ? { ...info, obj } : info;
}

/** namespace → name → Services (several when the workspace defines one twice, e.g. in overlays). */
export function serviceIndex(index: WorkspaceIndex): ReadonlyMap<string, ReadonlyMap<string, readonly ServiceInfo[]>> {
  return index.derived('xref:services', () => {
    const m = new Map<string, Map<string, ServiceInfo[]>>();
    for (const obj of index.objectsOfKind('Service')) {
      if (isPartial(index, obj)) continue;
      const ns = knownNamespace(index, obj);
      const info = ns ? serviceInfoCached(obj, ns) : undefined;
      if (!info) continue;
      const byName = m.get(info.namespace) ?? new Map<string, ServiceInfo[]>();
      const list = byName.get(info.name) ?? [];
      list.push(info);
      byName.set(info.name, list);
      m.set(info.namespace, byName);
    }
    return m;
  }, ['Service']);
}

export function servicesIn(index: WorkspaceIndex, namespace: string): ReadonlyMap<string, readonly ServiceInfo[]> {
  return serviceIndex(index).get(namespace) ?? new Map();
}

export function findServices(index: WorkspaceIndex, namespace: string, name: string): readonly ServiceInfo[] {
  return servicesIn(index, namespace).get(name) ?? [];
}

/** The Service port a reference names: by number (`port`) or by name. */
export function findServicePort(svc: ServiceInfo, ref: number | string): ServicePort | undefined {
  return typeof ref === 'number' ? svc.ports.find((p) => p.port === ref) : svc.ports.find((p) => p.name === ref);
}

/** `http (80)`, `80`: how a Service port reads in messages. */
export function describePort(p: ServicePort): string {
  return p.name ? `${p.name} (${p.port ?? '?'})` : String(p.port ?? '?');
}
