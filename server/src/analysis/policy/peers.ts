/**
 * Peer selectors of a NetworkPolicy, resolved against the workloads of the workspace: a
 * `podSelector` without `namespaceSelector` looks in the policy's namespace only; with a
 * `namespaceSelector`, in the namespaces it selects (by `kubernetes.io/metadata.name`, or by the
 * labels of the workspace's Namespace objects when they are all declared); otherwise left alone.
 */
import type { Selector } from '../kube/selectors';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { mayMatch, type Workload, workloadIndex, workloadsIn } from '../xref/workloads';
import type { Peer, PolicyRule } from './networkPolicy';
import { namespacesSelectedBy, policyEntry, type PolicyEntry } from './selection';

export interface PeerScope {
  readonly rule: PolicyRule;
  readonly peer: Peer;
  readonly podSelector: Selector;
  /** Namespaces the peer's pods are looked up in. */
  readonly namespaces: readonly string[];
  /** Workloads of those namespaces. */
  readonly candidates: readonly Workload[];
  /** The ones the peer selects. */
  readonly selected: readonly Workload[];
  /** Workloads of other namespaces the pod selector would match. */
  readonly elsewhere: readonly Workload[];
}

/** Every peer with a resolvable pod selector, with what it selects (cached per index generation). */
export function peerScopes(index: WorkspaceIndex, obj: KObject): { entry: PolicyEntry; peers: readonly PeerScope[] } | undefined {
  const entry = policyEntry(index, obj);
  if (!entry) return undefined;
  const peers: PeerScope[] = [];
  for (const rule of [...entry.model.ingress, ...entry.model.egress]) {
    for (const peer of rule.peers ?? []) {
      const sel = peer.podSelector;
      if (!sel || sel.unknown || sel.empty) continue;
      const namespaces = peer.namespaceSelectorPair ? namespacesSelectedBy(index, peer.namespaceSelector) : [entry.namespace];
      if (!namespaces) continue;
      const candidates = namespaces.flatMap((ns) => workloadsIn(index, ns));
      const selected = candidates.filter((w) => mayMatch(sel, w));
      const elsewhere: Workload[] = [];
      if (!selected.length) {
        for (const [ns, list] of workloadIndex(index).byNamespace) if (!namespaces.includes(ns)) for (const w of list) if (mayMatch(sel, w)) elsewhere.push(w);
      }
      peers.push({ rule, peer, podSelector: sel, namespaces, candidates, selected, elsewhere });
    }
  }
  return { entry, peers };
}
