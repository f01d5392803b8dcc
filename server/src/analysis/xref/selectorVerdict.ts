/**
 * What to say about a selector that selects nothing: a near miss (a typo worth a warning), a
 * workload in another namespace that it would select, or nothing resembling it at all (its pods
 * are probably deployed from elsewhere: information only).
 */
import { explainMiss, Miss } from './explain';
import { kustomizeModel, neighbourhood } from './kustomize';
import { nearMisses } from './names';
import type { SelectorSite } from './selectorSites';
import { labelValuesIn, mayMatch, Workload, workloadIndex, workloadsIn } from './workloads';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export type SelectorVerdict =
  | { readonly kind: 'matches' | 'unknown' | 'no-workloads' }
  | { readonly kind: 'near'; readonly miss: Miss<Workload> }
  | { readonly kind: 'other-namespace'; readonly workload: Workload }
  | { readonly kind: 'unrelated'; readonly miss: Miss<Workload> };

export function selectorVerdict(index: WorkspaceIndex, site: SelectorSite): SelectorVerdict {
  if (site.selector.unknown || site.selector.empty) return { kind: 'unknown' };
  const workloads = workloadsIn(index, site.namespace);
  if (workloads.some((w) => mayMatch(site.selector, w))) return { kind: 'matches' };
  const near = neighbourhood(index, site.obj.file.uri);
  // The selected pods' workload is usually written next to the selector: look there first.
  const ordered = [...workloads].sort((a, b) => Number(near.has(b.obj.file.uri)) - Number(near.has(a.obj.file.uri)));
  if (workloads.length) {
    const values = labelValuesIn(index, site.namespace);
    // A requirement whose value is a misspelling of a value pods carry: the pods with that value are the closest.
    let typo: { key: string; value: string } | undefined;
    for (const r of site.selector.requirements) {
      if (r.operator !== 'In' || typo) continue;
      for (const v of r.values) {
        const near = nearMisses(v, values.get(r.key) ?? [])[0];
        if (near !== undefined) typo = { key: r.key, value: near };
      }
    }
    if (typo) ordered.sort((a, b) => Number(b.labels.get(typo!.key) === typo!.value) - Number(a.labels.get(typo!.key) === typo!.value));
    const miss = explainMiss(site.selector, ordered);
    if ((site.selector.requirements.length >= 2 && miss.met >= 1) || typo) return { kind: 'near', miss };
    const other = otherNamespace(index, site);
    if (other) return { kind: 'other-namespace', workload: other };
    return { kind: 'unrelated', miss };
  }
  const other = otherNamespace(index, site);
  if (other && near.has(other.obj.file.uri)) return { kind: 'other-namespace', workload: other };
  return { kind: 'no-workloads' };
}

/** A workload written next to the selector (or anywhere) in another namespace that it selects. */
function otherNamespace(index: WorkspaceIndex, site: SelectorSite): Workload | undefined {
  const near = neighbourhood(index, site.obj.file.uri);
  let any: Workload | undefined;
  for (const [ns, ws] of workloadIndex(index).byNamespace) {
    if (ns === site.namespace) continue;
    for (const w of ws) {
      if (!mayMatch(site.selector, w)) continue;
      if (near.has(w.obj.file.uri)) return w;
      any ??= w;
    }
  }
  // Far away in another namespace is only a hint when the selector is specific (2+ labels).
  return any && site.selector.requirements.length >= 2 && !kustomizeModel(index).partial.has(any.obj.file.uri) ? any : undefined;
}
