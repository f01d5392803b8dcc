/**
 * What NetworkPolicies and SecurityGroupPolicies select, over the workloads of the workspace
 * (xref/workloads.ts): namespaces with their labels (Namespace objects plus the automatic
 * `kubernetes.io/metadata.name`), the policies of a namespace, the ServiceAccounts, and "did you
 * mean" suggestions for selectors that select nothing. Per-namespace results are cached on the
 * index (`derived`), so 20,000 documents cost one pass per change.
 */
import type { Span } from '../model/types';
import { matches, parseLabelSelector, type Requirement, type Selector } from '../kube/selectors';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { dirOf, isPartial, kustomizeModel } from '../xref/kustomize';
import { knownNamespace } from '../xref/namespaces';
import { nearMisses } from '../xref/names';
import { selectorSiteOf } from '../xref/selectorSites';
import { mayMatch, type PodLabels, type Workload, WORKLOAD_KINDS, workloadIndex, workloadsIn } from '../xref/workloads';
import { asMap, asSeq, getIn, getPair, scalarString, stringEntries } from '../yaml/nodes';
import { networkPolicyOf, type NetworkPolicyModel } from './networkPolicy';
import type { FixBuilder } from '../rules/types';
import { quoteLike } from './yamlEdit';

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export interface NamespaceInfo {
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  /** The Namespace object, when the workspace declares it. */
  readonly obj: KObject | undefined;
}

/** Every namespace the workspace knows: declared ones, and those its workloads live in. */
export function namespaces(index: WorkspaceIndex): ReadonlyMap<string, NamespaceInfo> {
  return index.derived('policy:namespaces', () => {
    const out = new Map<string, NamespaceInfo>();
    for (const obj of index.objectsOfKind('Namespace')) {
      const name = obj.model.name;
      if (!name || isPartial(index, obj)) continue;
      const labels = new Map<string, string>();
      for (const e of stringEntries(getIn(obj.model.root, ['metadata', 'labels'], obj.model.anchors), obj.model.anchors)) labels.set(e.key, e.value ?? '');
      labels.set(NAME_LABEL, name);
      out.set(name, { name, labels, obj });
    }
    for (const ns of workloadIndex(index).byNamespace.keys()) {
      if (!out.has(ns)) out.set(ns, { name: ns, labels: new Map([[NAME_LABEL, ns]]), obj: undefined });
    }
    return out;
  }, WORKLOAD_KINDS);
}

/** True when some Namespace object of the workspace carries the label key. */
export function someNamespaceHasLabel(index: WorkspaceIndex, key: string): boolean {
  for (const ns of namespaces(index).values()) if (ns.obj && ns.labels.has(key)) return true;
  return false;
}

/** The namespace names a selector pins down by `kubernetes.io/metadata.name` alone, else undefined. */
export function exactNamespaces(sel: Selector | undefined): readonly string[] | undefined {
  if (!sel || sel.unknown || sel.empty || !sel.requirements.length) return undefined;
  if (!sel.requirements.every((r) => r.key === NAME_LABEL && r.operator === 'In')) return undefined;
  let names = sel.requirements[0]!.values;
  for (const r of sel.requirements.slice(1)) names = names.filter((n) => r.values.includes(n));
  return names;
}

/**
 * The namespaces a peer's `namespaceSelector` selects, as far as the workspace can tell: names
 * pinned by `kubernetes.io/metadata.name`; otherwise the Namespace objects whose labels match
 * (`{}` selects them all), but only when every namespace the workspace's workloads live in is
 * declared with its labels — a namespace we cannot see might match too. Undefined when unknown.
 */
export function namespacesSelectedBy(index: WorkspaceIndex, sel: Selector | undefined): readonly string[] | undefined {
  const exact = exactNamespaces(sel);
  if (exact || !sel || sel.unknown) return exact;
  const all = namespaces(index);
  if (![...all.values()].every((ns) => ns.obj)) return undefined;
  const matched = [...all.values()].filter((ns) => matches(sel, ns.labels)).map((ns) => ns.name);
  return matched.length ? matched : undefined;
}

/** Workloads the selector may select in a namespace. */
export function selectedIn(index: WorkspaceIndex, namespace: string, sel: Selector): Workload[] {
  return workloadsIn(index, namespace).filter((w) => mayMatch(sel, w));
}

export interface PolicyEntry {
  readonly obj: KObject;
  readonly namespace: string;
  readonly name: string;
  readonly model: NetworkPolicyModel;
  /** The pod selector with the labels kustomize adds; undefined when it cannot be read. */
  readonly selector: Selector | undefined;
}

/** Entries of one kind grouped by namespace, built once per index generation. */
function byNamespace<T extends { readonly namespace: string }>(index: WorkspaceIndex, kind: string, entryOf: (obj: KObject) => T | undefined, namespace: string): readonly T[] {
  return (
    index
      .derived(`policy:byNamespace|${kind}`, () => {
        const m = new Map<string, T[]>();
        for (const obj of index.objectsOfKind(kind)) {
          const e = entryOf(obj);
          if (!e) continue;
          const list = m.get(e.namespace) ?? [];
          list.push(e);
          m.set(e.namespace, list);
        }
        return m;
      }, [kind])
      .get(namespace) ?? []
  );
}

/** The NetworkPolicies of each namespace (patches and unknown namespaces left out). */
export function policiesIn(index: WorkspaceIndex, namespace: string): readonly PolicyEntry[] {
  return byNamespace(index, 'NetworkPolicy', (obj) => policyEntry(index, obj), namespace);
}

export function policyEntry(index: WorkspaceIndex, obj: KObject): PolicyEntry | undefined {
  const model = networkPolicyOf(obj);
  if (!model || isPartial(index, obj)) return undefined;
  const namespace = knownNamespace(index, obj);
  if (!namespace) return undefined;
  const site = selectorSiteOf(index, obj);
  const selector = site?.selector ?? (model.podSelectorPair ? model.podSelector : { requirements: [], empty: true, unknown: false, span: undefined });
  return { obj, namespace, name: obj.model.name ?? '(unnamed)', model, selector: selector?.unknown ? undefined : selector };
}

/** Whether a policy applies to a workload's pods (may: wildcard labels count as matching). */
export function policySelects(p: PolicyEntry, w: PodLabels): boolean {
  return !!p.selector && mayMatch(p.selector, w);
}

export interface Suggestion {
  /** Chunk-relative span of the key or value to replace. */
  readonly span: Span;
  readonly from: string;
  readonly to: string;
  readonly what: 'label key' | 'label value';
}

/**
 * A one-token change to a selector (a label key or value) after which it selects some of the
 * workloads: the "did you mean" of a selector that selects nothing.
 */
export function suggestFix(sel: Selector, workloads: readonly Workload[]): Suggestion | undefined {
  if (!workloads.length) return undefined;
  const values = new Map<string, Set<string>>();
  for (const w of workloads) for (const [k, v] of w.labels) (values.get(k) ?? values.set(k, new Set()).get(k)!).add(v);
  const works = (reqs: readonly Requirement[]) => workloads.some((w) => mayMatch({ ...sel, requirements: reqs }, w));
  for (const [i, r] of sel.requirements.entries()) {
    if (r.operator !== 'In' || r.values.length !== 1) continue;
    const value = r.values[0]!;
    const known = values.get(r.key);
    if (known && !known.has(value) && r.valueSpan) {
      for (const to of nearMisses(value, known, 3)) {
        const reqs = sel.requirements.map((x, j) => (j === i ? { ...x, values: [to] } : x));
        if (works(reqs)) return { span: r.valueSpan, from: value, to, what: 'label value' };
      }
    }
    if (!known && r.keySpan) {
      for (const to of nearMisses(r.key, values.keys(), 3)) {
        const reqs = sel.requirements.map((x, j) => (j === i ? { ...x, key: to } : x));
        if (works(reqs)) return { span: r.keySpan, from: r.key, to, what: 'label key' };
      }
    }
  }
  return undefined;
}

/** `app=web, tier=api` of a workload's labels, for messages (at most a few). */
export function labelSummary(labels: ReadonlyMap<string, string>, max = 3): string {
  const list = [...labels].filter(([k]) => !k.startsWith('pod-template-hash')).map(([k, v]) => `${k}=${v}`);
  return list.length > max ? `${list.slice(0, max).join(', ')}, …` : list.join(', ') || '(no labels)';
}

export interface ServiceAccountInfo {
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  readonly obj: KObject;
}

/** ServiceAccounts by namespace, with their labels. */
export function serviceAccountsIn(index: WorkspaceIndex, namespace: string): readonly ServiceAccountInfo[] {
  return (
    index
      .derived('policy:serviceAccounts', () => {
        const m = new Map<string, ServiceAccountInfo[]>();
        for (const obj of index.objectsOfKind('ServiceAccount')) {
          const ns = knownNamespace(index, obj);
          if (!ns || !obj.model.name || isPartial(index, obj)) continue;
          const labels = new Map<string, string>();
          for (const e of stringEntries(getIn(obj.model.root, ['metadata', 'labels'], obj.model.anchors), obj.model.anchors)) labels.set(e.key, e.value ?? '');
          const list = m.get(ns) ?? [];
          list.push({ name: obj.model.name, labels, obj });
          m.set(ns, list);
        }
        return m;
      }, ['ServiceAccount'])
      .get(namespace) ?? []
  );
}

export interface SgpEntry {
  readonly obj: KObject;
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: Selector | undefined;
  readonly serviceAccountSelector: Selector | undefined;
  readonly groupIds: readonly string[];
  /** True when a selector could not be read (templated or malformed). */
  readonly unknown: boolean;
}

export function sgpEntry(index: WorkspaceIndex, obj: KObject): SgpEntry | undefined {
  if (obj.model.kind !== 'SecurityGroupPolicy' || obj.model.apiVersion !== 'vpcresources.k8s.aws/v1beta1' || isPartial(index, obj)) return undefined;
  const namespace = knownNamespace(index, obj);
  const { root, anchors } = obj.model;
  const spec = asMap(getPair(root, 'spec')?.value, anchors);
  if (!namespace || !spec) return undefined;
  const podPair = getPair(spec, 'podSelector');
  const saPair = getPair(spec, 'serviceAccountSelector');
  const podSelector = podPair ? parseLabelSelector(podPair, anchors) : undefined;
  const serviceAccountSelector = saPair ? parseLabelSelector(saPair, anchors) : undefined;
  const unknown = (!!podPair && (!podSelector || podSelector.unknown)) || (!!saPair && (!serviceAccountSelector || serviceAccountSelector.unknown));
  const groupIds = stringList(getIn(spec, ['securityGroups', 'groupIds'], anchors), anchors);
  return { obj, namespace, name: obj.model.name ?? '(unnamed)', podSelector, serviceAccountSelector, groupIds, unknown };
}

function stringList(node: unknown, anchors: KObject['model']['anchors']): string[] {
  return (asSeq(node, anchors)?.items ?? []).map((i) => scalarString(i, anchors)).filter((v): v is string => v !== undefined);
}

export type SgpMatch = 'yes' | 'no' | 'unknown';

/**
 * Whether an SGP applies to a workload, as the VPC resource controller decides: only in its
 * namespace; every selector present must match (the service account selector against the labels
 * of the pod's ServiceAccount). `unknown` when the ServiceAccount is not in the workspace.
 */
export function sgpSelects(index: WorkspaceIndex, sgp: SgpEntry, w: Workload): SgpMatch {
  if (sgp.unknown || sgp.namespace !== w.namespace) return sgp.unknown ? 'unknown' : 'no';
  if (!sgp.podSelector && !sgp.serviceAccountSelector) return 'no';
  if (sgp.podSelector && !mayMatch(sgp.podSelector, w)) return 'no';
  if (sgp.serviceAccountSelector) {
    const saName = w.tpl.serviceAccountName ?? 'default';
    const sa = serviceAccountsIn(index, w.namespace).find((s) => s.name === saName);
    // The `default` ServiceAccount is created with every namespace, without labels.
    if (!sa && saName !== 'default') return 'unknown';
    if (!mayMatch(sgp.serviceAccountSelector, { labels: sa?.labels ?? new Map(), wildcards: new Set() })) return 'no';
  }
  return 'yes';
}

/** The SecurityGroupPolicies of a namespace. */
export function sgpsIn(index: WorkspaceIndex, namespace: string): readonly SgpEntry[] {
  return byNamespace(index, 'SecurityGroupPolicy', (obj) => sgpEntry(index, obj), namespace);
}

/** The quick fix of a `Suggestion` (the "did you mean" of a selector). */
export const suggestionFix: FixBuilder = (data, ctx) => {
  const s = data as Suggestion | null;
  if (!s?.span || typeof s.to !== 'string') return [];
  const original = ctx.file.text.slice(ctx.base + s.span.start, ctx.base + s.span.end);
  return [ctx.fix(`Change ${s.what} "${s.from}" to "${s.to}"`, [ctx.edit(s.span, quoteLike(original, s.to))], true)];
};

/**
 * The workloads written next to an object: in the same file or folder, or built by the same
 * kustomization. Only these make "selects nothing" a confident finding; workloads elsewhere in a
 * large workspace may belong to unrelated applications that share the namespace name.
 */
export function nearby(index: WorkspaceIndex, obj: KObject, workloads: readonly Workload[]): Workload[] {
  const dir = dirOf(obj.file.uri);
  const model = kustomizeModel(index);
  const owner = model.effect(obj.file.uri).chain[0];
  const closure = owner ? model.closure(owner) : undefined;
  return workloads.filter((w) => dirOf(w.obj.file.uri) === dir || !!closure?.has(w.obj.file.uri));
}

/** Namespaces whose workloads are installed by the platform (CoreDNS, kube-proxy, aws-node), rarely in manifests. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
