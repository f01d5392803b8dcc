/**
 * Selectors that pick pods of their namespace: Service `spec.selector`, NetworkPolicy
 * `spec.podSelector`, SecurityGroupPolicy `spec.podSelector`, PodDisruptionBudget `spec.selector`;
 * with the requirements kustomize adds to them (commonLabels, labels with includeSelectors, for
 * the kinds kustomize knows). Also the patch view: a Service patch merged onto the Service it
 * patches, so a broken selector in an overlay is checked as `kustomize build` would produce it.
 */
import type { Span } from '../model/types';
import { parseLabelSelector, parseMapSelector, Requirement, Selector } from '../kube/selectors';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { asMap, getIn, getPair, spanOf, YPair } from '../yaml/nodes';
import { isPartial, kustomizeModel } from './kustomize';
import { knownNamespace } from './namespaces';
import { mayMatch, Workload, workloadsIn } from './workloads';

export const SELECTOR_KINDS: readonly string[] = ['Service', 'NetworkPolicy', 'SecurityGroupPolicy', 'PodDisruptionBudget'];

export interface SelectorSite {
  readonly obj: KObject;
  readonly namespace: string;
  readonly name: string;
  /** The selector, with kustomize-added requirements (those have no spans). */
  readonly selector: Selector;
  readonly pair: YPair;
  /** Chunk-relative span of the selector's key (`selector:` / `podSelector:`). */
  readonly keySpan: Span;
  /** Labels kustomize adds to this selector. */
  readonly added: ReadonlyMap<string, string>;
  /** For a patch: the object it patches (whose selector it was merged onto). */
  readonly patchOf?: KObject;
}

/** Path of the pod selector of each kind, and whether it is map-style. */
const PATHS: Readonly<Record<string, { path: readonly string[]; map: boolean; kustomize: boolean }>> = {
  Service: { path: ['spec', 'selector'], map: true, kustomize: true },
  NetworkPolicy: { path: ['spec', 'podSelector'], map: false, kustomize: true },
  SecurityGroupPolicy: { path: ['spec', 'podSelector'], map: false, kustomize: false },
  PodDisruptionBudget: { path: ['spec', 'selector'], map: false, kustomize: true },
};

function ownSelector(obj: KObject): { pair: YPair; selector: Selector; hasMatchLabels: boolean } | undefined {
  const spec = PATHS[obj.model.kind];
  if (!spec) return undefined;
  const { root, anchors } = obj.model;
  const parent = asMap(getIn(root, spec.path.slice(0, -1), anchors), anchors);
  const pair = getPair(parent, spec.path[spec.path.length - 1] as string);
  if (!pair) return undefined;
  const selector = spec.map ? parseMapSelector(pair, anchors) : parseLabelSelector(pair, anchors);
  if (!selector) return undefined;
  const hasMatchLabels = !spec.map && !!getPair(asMap(pair.value, anchors), 'matchLabels');
  return { pair, selector, hasMatchLabels };
}

/** The selector an object applies to pods (undefined for other kinds, patches, Services without selector). */
export function selectorSiteOf(index: WorkspaceIndex, obj: KObject): SelectorSite | undefined {
  if (!SELECTOR_KINDS.includes(obj.model.kind)) return undefined;
  return index.perObject(obj, 'xref:selectorSite', () => computeSite(index, obj));
}

function computeSite(index: WorkspaceIndex, obj: KObject): SelectorSite | undefined {
  if (isPartial(index, obj)) return undefined;
  const namespace = knownNamespace(index, obj);
  const own = ownSelector(obj);
  const keySpan = spanOf(own?.pair.key);
  if (!namespace || !own || !keySpan) return undefined;
  // A Service without selector entries has its endpoints managed by hand: it selects nothing by design.
  if (obj.model.kind === 'Service' && own.selector.empty) return undefined;
  const spec = PATHS[obj.model.kind]!;
  let added: ReadonlyMap<string, string> = new Map();
  // kustomize adds its selector labels to existing selectors only (fieldSpecs with create: false),
  // and to a LabelSelector only when it has matchLabels.
  if (spec.kustomize && (spec.map || own.hasMatchLabels)) added = kustomizeModel(index).effect(obj.file.uri).selectorLabels;
  return { obj, namespace, name: obj.model.name ?? '(unnamed)', selector: withAdded(own.selector, added), pair: own.pair, keySpan, added };
}

function withAdded(selector: Selector, added: ReadonlyMap<string, string>): Selector {
  if (!added.size) return selector;
  const reqs: Requirement[] = selector.requirements.filter((r) => !added.has(r.key));
  for (const [key, value] of added) reqs.push({ key, operator: 'In', values: [value], keySpan: undefined, valueSpan: undefined });
  return { ...selector, requirements: reqs, empty: false };
}

/**
 * A Service of a patch file merged onto the Service it patches (same kind and name, among the
 * files the patching kustomization builds from), as a strategic merge patch does for maps.
 */
export function patchedSelectorSite(index: WorkspaceIndex, obj: KObject): SelectorSite | undefined {
  if (obj.model.kind !== 'Service' || !isPartial(index, obj) || !obj.model.name) return undefined;
  const own = ownSelector(obj);
  const keySpan = spanOf(own?.pair.key);
  if (!own || !keySpan || own.selector.unknown) return undefined;
  const model = kustomizeModel(index);
  for (const owner of model.patchOwners.get(obj.file.uri) ?? []) {
    for (const uri of model.closure(owner)) {
      for (const base of index.get(uri)?.objects ?? []) {
        if (base.model.kind !== 'Service' || base.model.name !== obj.model.name || model.partial.has(uri)) continue;
        const site = selectorSiteOf(index, base);
        if (!site) continue;
        const patched = new Set(own.selector.requirements.map((r) => r.key));
        const requirements = [...site.selector.requirements.filter((r) => !patched.has(r.key)), ...own.selector.requirements];
        const namespace = owner.namespace ?? site.namespace;
        return { obj, namespace, name: obj.model.name, selector: { ...own.selector, requirements, empty: requirements.length === 0 }, pair: own.pair, keySpan, added: site.added, patchOf: base };
      }
    }
  }
  return undefined;
}

export function selectorSitesIn(index: WorkspaceIndex, namespace: string): readonly SelectorSite[] {
  return index.derived('xref:selectorSites', () => {
    const m = new Map<string, SelectorSite[]>();
    for (const kind of SELECTOR_KINDS) {
      for (const obj of index.objectsOfKind(kind)) {
        const s = selectorSiteOf(index, obj);
        if (!s) continue;
        const list = m.get(s.namespace);
        if (list) list.push(s);
        else m.set(s.namespace, [s]);
      }
    }
    return m;
  }, SELECTOR_KINDS).get(namespace) ?? [];
}

/** The workloads of the site's namespace its selector may select. Unknown selectors select nothing here. */
export function selectedWorkloads(index: WorkspaceIndex, site: SelectorSite): Workload[] {
  if (site.selector.unknown) return [];
  return workloadsIn(index, site.namespace).filter((w) => mayMatch(site.selector, w));
}

/** Every selector of the workload's namespace that may select it. */
export function sitesSelecting(index: WorkspaceIndex, w: Workload): SelectorSite[] {
  return selectorSitesIn(index, w.namespace).filter((s) => !s.selector.unknown && mayMatch(s.selector, w));
}
