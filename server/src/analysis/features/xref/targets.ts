/**
 * What a position in a manifest refers to across the workspace, shared by definition, references,
 * hover and code lens: a backend's Service or port, a selector's workloads, a targetPort's
 * container ports, a class's IngressClass or parameters; and, the other way round, who selects a
 * workload and who routes to a Service.
 */
import type { Span } from '../../model/types';
import { absolute, KObject } from '../../workspace/fileModel';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { spanOf } from '../../yaml/nodes';
import { ingressClasses, ingressClassParams, paramsRefOf } from '../../xref/classes';
import { firstKeySpan } from '../../xref/edits';
import { ACTIONS, BackendRef, ingressFacts } from '../../xref/ingress';
import { isPartial } from '../../xref/kustomize';
import { knownNamespace } from '../../xref/namespaces';
import { resolveService } from '../../xref/resolve';
import { selectedWorkloads, SelectorSite, selectorSiteOf, selectorSitesIn } from '../../xref/selectorSites';
import { findServicePort, ServiceInfo, servicesIn, serviceInfo } from '../../xref/services';
import { tgbFacts } from '../../xref/targetGroupBindings';
import { Workload, workloadOf } from '../../xref/workloads';
import type { TargetLocation } from '../types';
import { peerScopes } from '../../policy/peers';

const within = (s: Span | undefined, rel: number): s is Span => !!s && s.start <= rel && rel <= s.end;

export function at(obj: KObject, span: Span): TargetLocation {
  return { uri: obj.file.uri, span: absolute(obj, span) };
}

/** Where a workload is shown: its pod template labels (or its name). */
export function workloadLocation(w: Workload): TargetLocation {
  return at(w.obj, firstKeySpan(w.tpl.labelsNode) ?? w.obj.model.nameSpan ?? w.obj.model.kindSpan);
}

export function serviceLocation(s: ServiceInfo): TargetLocation {
  return at(s.obj, s.obj.model.nameSpan ?? s.obj.model.kindSpan);
}

/** The backend (of an Ingress) whose Service name or port is under `rel`. */
export function backendAt(obj: KObject, rel: number): { backend: BackendRef; onPort: boolean } | undefined {
  if (obj.model.kind !== 'Ingress') return undefined;
  for (const b of ingressFacts(obj).backends) {
    if (within(b.nameSpan, rel)) return { backend: b, onPort: false };
    if (within(b.portSpan, rel)) return { backend: b, onPort: true };
  }
  return undefined;
}

/** The selector site whose selector holds `rel` (on its key or inside its value). */
export function siteAt(index: WorkspaceIndex, obj: KObject, rel: number): SelectorSite | undefined {
  const site = selectorSiteOf(index, obj);
  if (!site) return undefined;
  const inKey = within(site.keySpan, rel);
  const value = spanOf(site.pair.value);
  return inKey || within(value, rel) ? site : undefined;
}

/** Definition targets of the position `rel` of `obj`. */
export function definitionTargets(index: WorkspaceIndex, obj: KObject, rel: number): TargetLocation[] {
  if (isPartial(index, obj)) return [];
  const ns = knownNamespace(index, obj);
  const hit = backendAt(obj, rel);
  if (hit && ns) {
    const b = hit.backend;
    if (b.useAnnotation) {
      const action = ingressFacts(obj).annotations.find((a) => a.key === ACTIONS + b.serviceName);
      return action ? [at(obj, action.keySpan)] : [];
    }
    const r = resolveService(index, ns, b.serviceName);
    if (r.status !== 'found') return [];
    if (hit.onPort && b.port !== undefined) {
      return r.targets.flatMap((s) => {
        const p = findServicePort(s, b.port!);
        return p?.span ? [at(s.obj, p.span)] : [];
      });
    }
    return r.targets.map(serviceLocation);
  }
  if (obj.model.kind === 'TargetGroupBinding' && ns) {
    const f = tgbFacts(obj);
    const onName = within(f.nameSpan, rel);
    const onPort = within(f.portSpan, rel);
    if ((onName || onPort) && f.serviceName) {
      const r = resolveService(index, ns, f.serviceName);
      if (r.status !== 'found') return [];
      if (onPort && f.port !== undefined) return r.targets.flatMap((s) => {
        const p = findServicePort(s, f.port!);
        return p?.span ? [at(s.obj, p.span)] : [];
      });
      return r.targets.map(serviceLocation);
    }
  }
  if (obj.model.kind === 'Ingress') {
    const cn = ingressFacts(obj).className;
    if (cn && within(cn.span, rel)) return (ingressClasses(index).get(cn.value) ?? []).map((c) => at(c, c.model.nameSpan ?? c.model.kindSpan));
  }
  if (obj.model.kind === 'IngressClass') {
    const ref = paramsRefOf(obj);
    if (ref?.name && within(ref.nameSpan, rel)) return (ingressClassParams(index).get(ref.name) ?? []).map((p) => at(p, p.model.nameSpan ?? p.model.kindSpan));
  }
  if (obj.model.kind === 'Service' && ns) {
    const svc = serviceInfo(obj, ns);
    const port = svc?.ports.find((p) => within(spanOf(p.targetPortPair?.value), rel));
    if (port && typeof port.targetPort === 'string') {
      const site = selectorSiteOf(index, obj);
      const selected = site ? selectedWorkloads(index, site) : [];
      return selected.flatMap((w) => w.tpl.ports.filter((cp) => cp.name === port.targetPort && cp.span).map((cp) => at(w.obj, cp.span!)));
    }
  }
  const site = siteAt(index, obj, rel);
  return site ? selectedWorkloads(index, site).map(workloadLocation) : [];
}

/** Everything that refers to the object at `rel`: selectors of a workload, routes to a Service. */
export function referenceTargets(index: WorkspaceIndex, obj: KObject, rel: number): TargetLocation[] {
  const w = workloadOf(index, obj);
  if (w) {
    const labels = w.tpl.labelsNode ? spanOf(w.tpl.labelsNode) : undefined;
    const onLabels = labels && rel >= labels.start - 10 && rel <= labels.end;
    if (onLabels || within(obj.model.nameSpan, rel) || within(obj.model.kindSpan, rel)) return [...sitesFor(index, w).map((s) => at(s.obj, s.keySpan)), ...peerReferences(index, w)];
  }
  if (obj.model.kind === 'Service' && (within(obj.model.nameSpan, rel) || within(obj.model.kindSpan, rel))) {
    const ns = knownNamespace(index, obj);
    return ns && obj.model.name ? routesTo(index, ns, obj.model.name).map((r) => r.location) : [];
  }
  return [];
}

/** NetworkPolicy peers (`from`/`to` pod selectors, in any namespace they reach) that select the workload. */
function peerReferences(index: WorkspaceIndex, w: Workload): TargetLocation[] {
  const out: TargetLocation[] = [];
  for (const np of index.objectsOfKind('NetworkPolicy')) {
    for (const p of peerScopes(index, np)?.peers ?? []) {
      const span = spanOf(p.peer.podSelectorPair?.key);
      if (span && p.selected.some((x) => x.obj.model === w.obj.model)) out.push(at(np, span));
    }
  }
  return out;
}

export function sitesFor(index: WorkspaceIndex, w: Workload): SelectorSite[] {
  return selectorSitesIn(index, w.namespace).filter((s) => s.obj.model !== w.obj.model && selectedWorkloads(index, s).some((x) => x.obj.model === w.obj.model));
}

export interface Route {
  readonly obj: KObject;
  readonly kind: 'Ingress' | 'TargetGroupBinding';
  readonly location: TargetLocation;
}

/** Ingress backends and TargetGroupBindings that use a Service. */
export function routesTo(index: WorkspaceIndex, namespace: string, name: string): Route[] {
  return index.derived('xref:routes', () => {
    const m = new Map<string, Route[]>();
    const add = (key: string, r: Route) => m.set(key, [...(m.get(key) ?? []), r]);
    for (const ing of index.objectsOfKind('Ingress')) {
      const ns = knownNamespace(index, ing);
      if (!ns || isPartial(index, ing)) continue;
      for (const b of ingressFacts(ing).backends) if (!b.useAnnotation) add(`${ns}/${b.serviceName}`, { obj: ing, kind: 'Ingress', location: at(ing, b.nameSpan) });
    }
    for (const t of index.objectsOfKind('TargetGroupBinding')) {
      const ns = knownNamespace(index, t);
      const f = tgbFacts(t);
      if (ns && f.serviceName && f.nameSpan && !isPartial(index, t)) add(`${ns}/${f.serviceName}`, { obj: t, kind: 'TargetGroupBinding', location: at(t, f.nameSpan) });
    }
    return m;
  }).get(`${namespace}/${name}`) ?? [];
}

/** Services of a namespace (for completion). */
export function serviceNames(index: WorkspaceIndex, namespace: string): string[] {
  return [...servicesIn(index, namespace).keys()].sort();
}
