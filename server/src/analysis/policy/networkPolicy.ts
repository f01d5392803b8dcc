/**
 * A NetworkPolicy as the API server reads it: the pods it selects, the directions it isolates
 * (explicit `policyTypes`, or the default: Ingress, plus Egress when there are egress rules), and
 * its rules with their peers and ports, each with the spans of its YAML. Depends only on the
 * object's text, so it is memoised on the parsed chunk.
 */
import type { YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../model/types';
import { parseLabelSelector, type Selector } from '../kube/selectors';
import type { KObject } from '../workspace/fileModel';
import { asMap, asSeq, getPair, scalarString, spanOf, type YPair } from '../yaml/nodes';

export type Direction = 'Ingress' | 'Egress';

export interface IpBlock {
  readonly cidr: string | undefined;
  readonly cidrSpan: Span | undefined;
  readonly except: readonly { readonly value: string; readonly span: Span | undefined }[];
}

export interface Peer {
  readonly podSelector: Selector | undefined;
  readonly namespaceSelector: Selector | undefined;
  readonly ipBlock: IpBlock | undefined;
  readonly podSelectorPair: YPair | undefined;
  readonly namespaceSelectorPair: YPair | undefined;
  readonly map: YAMLMap<unknown, unknown>;
}

export interface PolicyPort {
  readonly protocol: string;
  /** Number, name, or undefined for "every port". */
  readonly port: number | string | undefined;
  readonly endPort: number | undefined;
  readonly portSpan: Span | undefined;
  readonly endPortSpan: Span | undefined;
  readonly map: YAMLMap<unknown, unknown>;
}

export interface PolicyRule {
  readonly direction: Direction;
  readonly index: number;
  /** Undefined or empty: every peer. */
  readonly peers: readonly Peer[] | undefined;
  /** Undefined or empty: every port. */
  readonly ports: readonly PolicyPort[] | undefined;
  /** Span of the rule's first key (or of the item) for anchoring. */
  readonly span: Span | undefined;
}

export interface NetworkPolicyModel {
  readonly podSelectorPair: YPair | undefined;
  readonly podSelector: Selector | undefined;
  /** The directions the policy isolates, as the API server defaults them. */
  readonly types: readonly Direction[];
  /** True when `policyTypes` is written. */
  readonly typesExplicit: boolean;
  readonly policyTypesPair: YPair | undefined;
  readonly ingressPair: YPair | undefined;
  readonly egressPair: YPair | undefined;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  readonly spec: YAMLMap<unknown, unknown> | undefined;
  /** True when some value could not be read (malformed or templated): be careful with conclusions. */
  readonly uncertain: boolean;
}

export function networkPolicyOf(obj: KObject): NetworkPolicyModel | undefined {
  if (obj.model.kind !== 'NetworkPolicy' || obj.model.apiVersion !== 'networking.k8s.io/v1') return undefined;
  const key = `np|${obj.ordinal}`;
  if (obj.chunk.memo.has(key)) return obj.chunk.memo.get(key) as NetworkPolicyModel | undefined;
  const model = read(obj);
  obj.chunk.memo.set(key, model);
  return model;
}

function read(obj: KObject): NetworkPolicyModel | undefined {
  const { root, anchors } = obj.model;
  const spec = asMap(getPair(root, 'spec')?.value, anchors);
  if (!spec) return undefined;
  let uncertain = false;
  const podSelectorPair = getPair(spec, 'podSelector');
  const podSelector = podSelectorPair ? parseLabelSelector(podSelectorPair, anchors) : undefined;
  if (podSelectorPair && (!podSelector || podSelector.unknown)) uncertain = true;
  const policyTypesPair = getPair(spec, 'policyTypes');
  const ingressPair = getPair(spec, 'ingress');
  const egressPair = getPair(spec, 'egress');
  const rules = (pair: YPair | undefined, direction: Direction): PolicyRule[] => {
    const seq = asSeq(pair?.value, anchors);
    const out: PolicyRule[] = [];
    (seq?.items ?? []).forEach((item, index) => {
      const m = asMap(item, anchors);
      if (!m) {
        uncertain = true;
        return;
      }
      const peersPair = getPair(m, direction === 'Ingress' ? 'from' : 'to');
      const portsPair = getPair(m, 'ports');
      const peers = readPeers(asSeq(peersPair?.value, anchors), anchors, () => (uncertain = true));
      const ports = readPorts(asSeq(portsPair?.value, anchors), anchors, () => (uncertain = true));
      const firstKey = m.items[0] ? spanOf((m.items[0] as YPair).key) : undefined;
      out.push({ direction, index, peers, ports, span: firstKey ?? spanOf(m) });
    });
    return out;
  };
  const ingress = rules(ingressPair, 'Ingress');
  const egress = rules(egressPair, 'Egress');
  let types: Direction[];
  const typesSeq = asSeq(policyTypesPair?.value, anchors);
  if (typesSeq) {
    types = [];
    for (const t of typesSeq.items) {
      const v = scalarString(t, anchors);
      if (v === 'Ingress' || v === 'Egress') types.push(v);
      else uncertain = true;
    }
  } else {
    types = ['Ingress'];
    if (egress.length) types.push('Egress');
  }
  return { podSelectorPair, podSelector, types, typesExplicit: !!typesSeq, policyTypesPair, ingressPair, egressPair, ingress, egress, spec, uncertain };
}

function readPeers(seq: YAMLSeq<unknown> | undefined, anchors: KObject['model']['anchors'], unsure: () => void): Peer[] | undefined {
  if (!seq) return undefined;
  const out: Peer[] = [];
  for (const item of seq.items) {
    const m = asMap(item, anchors);
    if (!m) {
      unsure();
      continue;
    }
    const podSelectorPair = getPair(m, 'podSelector');
    const namespaceSelectorPair = getPair(m, 'namespaceSelector');
    const podSelector = podSelectorPair ? parseLabelSelector(podSelectorPair, anchors) : undefined;
    const namespaceSelector = namespaceSelectorPair ? parseLabelSelector(namespaceSelectorPair, anchors) : undefined;
    if ((podSelectorPair && (!podSelector || podSelector.unknown)) || (namespaceSelectorPair && (!namespaceSelector || namespaceSelector.unknown))) unsure();
    const ipMap = asMap(getPair(m, 'ipBlock')?.value, anchors);
    let ipBlock: IpBlock | undefined;
    if (ipMap) {
      const cidrNode = getPair(ipMap, 'cidr')?.value;
      const except = (asSeq(getPair(ipMap, 'except')?.value, anchors)?.items ?? []).map((n) => ({ value: scalarString(n, anchors) ?? '', span: spanOf(n) }));
      ipBlock = { cidr: scalarString(cidrNode, anchors), cidrSpan: spanOf(cidrNode), except };
    }
    out.push({ podSelector, namespaceSelector, ipBlock, podSelectorPair, namespaceSelectorPair, map: m });
  }
  return out;
}

function readPorts(seq: YAMLSeq<unknown> | undefined, anchors: KObject['model']['anchors'], unsure: () => void): PolicyPort[] | undefined {
  if (!seq) return undefined;
  const out: PolicyPort[] = [];
  for (const item of seq.items) {
    const m = asMap(item, anchors);
    if (!m) {
      unsure();
      continue;
    }
    const portNode = getPair(m, 'port')?.value;
    const endNode = getPair(m, 'endPort')?.value;
    const raw = scalarString(portNode, anchors);
    const port = raw === undefined ? undefined : /^[0-9]+$/.test(raw) && typeof (portNode as { value?: unknown }).value === 'number' ? Number(raw) : raw;
    const endRaw = scalarString(endNode, anchors);
    out.push({
      protocol: scalarString(getPair(m, 'protocol')?.value, anchors) ?? 'TCP',
      port,
      endPort: endRaw !== undefined && /^[0-9]+$/.test(endRaw) ? Number(endRaw) : undefined,
      portSpan: spanOf(portNode),
      endPortSpan: spanOf(endNode),
      map: m,
    });
  }
  return out;
}

/** True when a rule's ports let this protocol/port through. */
export function portsAllow(ports: readonly PolicyPort[] | undefined, protocol: string, port: number): boolean {
  if (!ports || !ports.length) return true;
  return ports.some((p) => p.protocol === protocol && (p.port === undefined || p.port === port || (typeof p.port === 'number' && p.endPort !== undefined && p.port <= port && port <= p.endPort)));
}
