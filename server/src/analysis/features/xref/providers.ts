/**
 * Editor features across objects: go to definition, find references, hover, code lenses and
 * completion for selectors ↔ pod templates, Ingress/TargetGroupBinding → Service → container
 * ports, `use-annotation` backends → actions, and classes.
 */
import { describeSelector } from '../../kube/selectors';
import type { KObject } from '../../workspace/fileModel';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { getIn, stringEntries } from '../../yaml/nodes';
import { isPartial } from '../../xref/kustomize';
import { knownNamespace } from '../../xref/namespaces';
import { plural, shortList } from '../../xref/names';
import { selectedWorkloads, SelectorSite, selectorSiteOf } from '../../xref/selectorSites';
import { findServices, describePort } from '../../xref/services';
import { describeWorkload, labelValuesIn, Workload, workloadOf } from '../../xref/workloads';
import type { CodeLensProvider, CompletionEntry, CompletionProvider, DefinitionProvider, HoverProvider, ReferencesProvider, TargetLocation } from '../types';
import { definitionTargets, referenceTargets, routesTo, serviceNames, siteAt, sitesFor, workloadLocation } from './targets';

export const xrefDefinition: DefinitionProvider = ({ index, loc, offset }) => (loc ? definitionTargets(index, loc.obj, offset - loc.obj.base) : []);

export const xrefReferences: ReferencesProvider = ({ index, loc, offset }) => (loc ? referenceTargets(index, loc.obj, offset - loc.obj.base) : []);

function link(index: WorkspaceIndex, t: TargetLocation, text: string): string {
  const line = index.get(t.uri)?.lineIndex.positionAt(t.span.start).line ?? 0;
  return `[${text}](${t.uri}#L${line + 1})`;
}

function siteLabel(s: SelectorSite): string {
  return `${s.obj.model.kind} ${s.name}`;
}

export const xrefHover: HoverProvider = ({ index, loc, offset }) => {
  if (!loc || isPartial(index, loc.obj)) return undefined;
  const rel = offset - loc.obj.base;
  const site = siteAt(index, loc.obj, rel);
  if (site) {
    const ws = selectedWorkloads(index, site);
    const head = site.selector.unknown
      ? `Selector \`${describeSelector(site.selector)}\` uses placeholders: what it selects is known only after substitution.`
      : ws.length
        ? `**Selects ${plural(ws.length, 'workload')}** in namespace \`${site.namespace}\`:`
        : `**Selects nothing** in namespace \`${site.namespace}\` (\`${describeSelector(site.selector)}\`).`;
    const added = site.added.size ? `\n\nkustomize adds ${[...site.added].map(([k, v]) => `\`${k}=${v}\``).join(', ')}.` : '';
    const list = ws.map((w) => `- ${link(index, workloadLocation(w), describeWorkload(w))}`).join('\n');
    const span = { start: loc.obj.base + site.keySpan.start, end: loc.obj.base + site.keySpan.end };
    return { markdown: `${head}${list ? `\n\n${list}` : ''}${added}`, span };
  }
  const w = workloadOf(index, loc.obj);
  const labels = w?.tpl.labelsNode;
  if (w && labels && loc.onKey && isLabelsPath(loc.path, w)) {
    const sites = sitesFor(index, w);
    const lines = sites.map((s) => `- ${link(index, { uri: s.obj.file.uri, span: { start: s.obj.base + s.keySpan.start, end: s.obj.base + s.keySpan.end } }, siteLabel(s))}`);
    for (const svc of sites.filter((s) => s.obj.model.kind === 'Service')) {
      for (const r of routesTo(index, svc.namespace, svc.name)) lines.push(`- ${link(index, r.location, `${r.kind} ${r.obj.model.name ?? ''}`)} (through Service ${svc.name})`);
    }
    const kustomized = w.kustomizeLabels.size ? `\n\nkustomize adds ${[...w.kustomizeLabels].map(([k, v]) => `\`${k}=${v}\``).join(', ')}.` : '';
    const head = lines.length ? `**Selected by** (namespace \`${w.namespace}\`):\n\n${lines.join('\n')}` : `No Service, NetworkPolicy, SecurityGroupPolicy or PodDisruptionBudget of namespace \`${w.namespace}\` selects ${describeWorkload(w)}.`;
    return { markdown: head + kustomized, span: { start: loc.obj.base + (loc.span?.start ?? 0), end: loc.obj.base + (loc.span?.end ?? 0) } };
  }
  return undefined;
};

function isLabelsPath(path: readonly (string | number)[], w: Workload): boolean {
  const want = [...w.tpl.path, 'metadata', 'labels'];
  return path.length === want.length + 1 && want.every((p, i) => path[i] === p);
}

export const xrefCodeLens: CodeLensProvider = (file, index) => {
  const out: ReturnType<CodeLensProvider>[number][] = [];
  for (const obj of file.objects) {
    if (isPartial(index, obj)) continue;
    const site = selectorSiteOf(index, obj);
    // NetworkPolicies get their lens from the NetworkPolicy area (what they isolate).
    if (site && !site.selector.unknown && obj.model.kind !== 'NetworkPolicy') {
      const ws = selectedWorkloads(index, site);
      out.push({
        span: { start: obj.base + site.keySpan.start, end: obj.base + site.keySpan.end },
        title: ws.length ? `selects ${plural(ws.length, 'workload')}: ${shortList(ws.map((w) => w.name))}` : `selects nothing in namespace ${site.namespace}`,
        targets: ws.map(workloadLocation),
      });
    }
    const w = workloadOf(index, obj);
    if (w) out.push(workloadLens(index, obj, w));
  }
  return out;
};

function workloadLens(index: WorkspaceIndex, obj: KObject, w: Workload): ReturnType<CodeLensProvider>[number] {
  const sites = sitesFor(index, w);
  const parts: string[] = [];
  const targets: TargetLocation[] = [];
  const byKind = new Map<string, SelectorSite[]>();
  for (const s of sites) byKind.set(s.obj.model.kind, [...(byKind.get(s.obj.model.kind) ?? []), s]);
  const ingresses = new Map<string, TargetLocation>();
  for (const [kind, list] of byKind) {
    parts.push(list.length === 1 ? `${kind} ${list[0]!.name}` : `${list.length} ${kind === 'Service' ? 'Services' : kind === 'NetworkPolicy' ? 'NetworkPolicies' : `${kind}s`}`);
    for (const s of list) targets.push({ uri: s.obj.file.uri, span: { start: s.obj.base + s.keySpan.start, end: s.obj.base + s.keySpan.end } });
    if (kind === 'Service') for (const s of list) for (const r of routesTo(index, s.namespace, s.name)) if (r.kind === 'Ingress') ingresses.set(`${r.obj.file.uri}|${r.obj.model.name}`, r.location);
  }
  const ingNames = [...ingresses.keys()].map((k) => k.split('|')[1] ?? '');
  if (ingNames.length) parts.splice(1, 0, ingNames.length === 1 ? `Ingress ${ingNames[0]}` : `${ingNames.length} Ingresses`);
  targets.push(...ingresses.values());
  return {
    span: { start: obj.base + obj.model.kindSpan.start, end: obj.base + obj.model.kindSpan.end },
    title: parts.length ? parts.join(' · ') : 'no Service or policy selects these pods',
    targets,
  };
}

// ---------------------------------------------------------------- completion

export const xrefCompletion: CompletionProvider = ({ index, file, offset, text }) => {
  const obj = file.objectAt(offset) ?? nearestObject(file.objects, offset);
  if (!obj) return [];
  const ns = knownNamespace(index, obj);
  const parents = text.parents;
  const last = parents[parents.length - 1];
  const replace = text.prefixSpan;
  const kind = obj.model.kind;
  // Label keys and values inside selectors.
  const inMapSelector = kind === 'Service' && parents.length === 2 && parents[0] === 'spec' && last === 'selector';
  const inMatchLabels = last === 'matchLabels';
  if ((inMapSelector || inMatchLabels) && ns) {
    const namespaceSelector = parents[parents.length - 2] === 'namespaceSelector';
    const values = namespaceSelector ? namespaceLabels(index) : labelValuesIn(index, ns);
    const what = namespaceSelector ? 'namespace label' : `pod label in namespace ${ns}`;
    if (text.atKey) return [...values.keys()].sort().map((k) => entry(k, `${k}: `, 'property', `${what}: ${shortList([...(values.get(k) ?? [])])}`, replace));
    if (text.key) return [...(values.get(text.key) ?? [])].sort().map((v) => entry(v, v, 'value', `value of ${text.key}`, replace));
  }
  if (last === 'matchExpressions' || (parents.includes('matchExpressions') && !text.atKey && text.key === 'key')) {
    if (!text.atKey && text.key === 'key' && ns) return [...labelValuesIn(index, ns).keys()].sort().map((k) => entry(k, k, 'property', `pod label in namespace ${ns}`, replace));
  }
  // Values of a matchExpressions requirement (`values: [..]` items), from the labels its `key` names.
  if (last === 'values' && parents[parents.length - 2] === 'matchExpressions' && ns) {
    const key = expressionKeyNear(file.text, offset);
    const values = parents[parents.length - 3] === 'namespaceSelector' ? namespaceLabels(index) : labelValuesIn(index, ns);
    if (key) return [...(values.get(key) ?? [])].sort().map((v) => entry(v, v, 'value', `value of ${key}`, replace));
  }
  if (!ns || text.atKey) return [];
  // Service names and ports in Ingress backends and TargetGroupBinding serviceRef.
  const backendService = (kind === 'Ingress' && last === 'service' && text.key === 'name') || (kind === 'Ingress' && text.key === 'serviceName') || (kind === 'TargetGroupBinding' && last === 'serviceRef' && text.key === 'name');
  if (backendService) {
    return serviceNames(index, ns).map((n) => {
      const ports = findServices(index, ns, n)[0]?.ports ?? [];
      return entry(n, n, 'reference', `Service in ${ns}${ports.length ? ` · ports ${ports.map(describePort).join(', ')}` : ''}`, replace);
    });
  }
  const portOfService = (kind === 'Ingress' && last === 'port' && (text.key === 'name' || text.key === 'number')) || (kind === 'Ingress' && text.key === 'servicePort') || (kind === 'TargetGroupBinding' && last === 'serviceRef' && text.key === 'port');
  if (portOfService) {
    const svcName = serviceNameNear(file.text, offset, kind);
    const ports = svcName ? (findServices(index, ns, svcName)[0]?.ports ?? []) : [];
    const named = text.key === 'name' ? ports.filter((p) => p.name).map((p) => entry(p.name!, p.name!, 'value', `port ${p.port} of Service ${svcName}`, replace)) : [];
    const numbered = text.key === 'number' ? ports.filter((p) => p.port !== undefined).map((p) => entry(String(p.port), String(p.port), 'value', `${p.name ? `${p.name} · ` : ''}Service ${svcName}`, replace)) : [];
    const either = text.key === 'port' || text.key === 'servicePort' ? ports.flatMap((p) => [...(p.port !== undefined ? [entry(String(p.port), String(p.port), 'value', `Service ${svcName}`, replace)] : []), ...(p.name ? [entry(p.name, p.name, 'value', `port ${p.port} of Service ${svcName}`, replace)] : [])]) : [];
    const extra = kind === 'Ingress' && text.key === 'name' ? [entry('use-annotation', 'use-annotation', 'enum', 'take the action from alb.ingress.kubernetes.io/actions.<service.name>', replace)] : [];
    return [...named, ...numbered, ...either, ...extra];
  }
  if (kind === 'Service' && text.key === 'targetPort') {
    const site = selectorSiteOf(index, obj);
    const ws = site ? selectedWorkloads(index, site) : [];
    const seen = new Set<string>();
    const out: CompletionEntry[] = [];
    for (const w of ws) {
      for (const p of w.tpl.ports) {
        if (p.name && !seen.has(p.name)) {
          seen.add(p.name);
          out.push(entry(p.name, p.name, 'value', `containerPort ${p.containerPort ?? '?'} of ${describeWorkload(w)}`, replace));
        }
      }
    }
    return out;
  }
  return [];
};

function entry(label: string, insertText: string, kind: CompletionEntry['kind'], detail: string, replace: CompletionEntry['replace']): CompletionEntry {
  return { label, insertText, kind, detail, replace, sortText: `0${label}` };
}

function nearestObject(objects: readonly KObject[], offset: number): KObject | undefined {
  let best: KObject | undefined;
  for (const o of objects) if (o.base + o.model.span.start <= offset) best = o;
  return best;
}

/** The `key:` of the matchExpressions item whose `values` list holds the cursor (a few lines above it). */
function expressionKeyNear(text: string, offset: number): string | undefined {
  const lines = text.slice(Math.max(0, offset - 600), offset).split('\n').reverse().slice(1);
  for (const l of lines.slice(0, 12)) {
    const m = /^\s*(?:-\s+)?key:\s*["']?([^"'\s#]+)/.exec(l);
    if (m) return m[1];
    if (/^\s*(?:-\s+)?(matchExpressions|matchLabels):/.test(l)) return undefined;
  }
  return undefined;
}

/** The Service name written just above a port being completed (`service: {name: x, port: ...}`). */
function serviceNameNear(text: string, offset: number, kind: string): string | undefined {
  const before = text.slice(Math.max(0, offset - 400), offset);
  const re = kind === 'TargetGroupBinding' ? /serviceRef:\s*\n\s*name:\s*["']?([\w.-]+)/g : /(?:\bname|serviceName):\s*["']?([\w.-]+)["']?\s*\n(?:\s*#.*\n)*\s*(?:port:|servicePort:)/g;
  let last: string | undefined;
  for (let m = re.exec(before); m; m = re.exec(before)) last = m[1];
  return last;
}

/** Labels of the Namespaces of the workspace (and the label every namespace carries). */
function namespaceLabels(index: WorkspaceIndex): ReadonlyMap<string, ReadonlySet<string>> {
  return index.derived('xref:namespaceLabels', () => {
    const out = new Map<string, Set<string>>();
    const add = (k: string, v: string) => out.set(k, new Set([...(out.get(k) ?? []), v]));
    for (const n of index.objectsOfKind('Namespace')) {
      const { root, anchors } = n.model;
      if (n.model.name) add('kubernetes.io/metadata.name', n.model.name);
      for (const e of stringEntries(getIn(root, ['metadata', 'labels'], anchors), anchors)) add(e.key, e.value ?? '');
    }
    return out;
  }, []);
}
