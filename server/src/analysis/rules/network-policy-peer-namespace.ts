import { describeSelector } from '../kube/selectors';
import type { Span } from '../model/types';
import { peerScopes } from '../policy/peers';
import { NAME_LABEL, nearby } from '../policy/selection';
import { appendMapEntry, mapWithKeyAt } from '../policy/yamlEdit';
import { shortList } from '../xref/names';
import { describeWorkload } from '../xref/workloads';
import { spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';
import { READS_WORKLOADS } from './support/workloadScope';

interface Payload {
  /** Chunk-relative span of the peer's `podSelector` key: finds the peer again. */
  readonly peerKey: Span;
  readonly namespaces: readonly string[];
}

export const rule: ObjectRule = {
  id: 'network-policy-peer-namespace',
  title: 'NetworkPolicy peer looks in the wrong namespace',
  description: 'Reports a peer `podSelector` without `namespaceSelector` that matches no pod of the policy\'s namespace but matches pods of another namespace: without a `namespaceSelector`, a peer only looks in the policy\'s own namespace. Information only when none of the workloads involved is written next to the policy.',
  remediation: 'Add a `namespaceSelector` on `kubernetes.io/metadata.name` to the same peer item (quick fix), so the peer means "these pods in that namespace".',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  ...READS_WORKLOADS,
  docs: {
    why: 'A peer written as `podSelector` alone means pods with those labels **in the policy\'s namespace**. When the intended pods (a frontend, Prometheus, an ingress controller) live in another namespace, the rule allows nothing and the traffic is dropped once the pods are isolated. Putting a `namespaceSelector` in the same list item (not a separate one) selects those pods in that namespace.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ui\n  namespace: ui\nspec:\n  selector:\n    matchLabels:\n      app: ui\n  template:\n    metadata:\n      labels:\n        app: ui\n    spec:\n      containers:\n        - name: ui\n          image: ui:1\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: catalog-from-ui\n  namespace: catalog\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: ui\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ui\n  namespace: ui\nspec:\n  selector:\n    matchLabels:\n      app: ui\n  template:\n    metadata:\n      labels:\n        app: ui\n    spec:\n      containers:\n        - name: ui\n          image: ui:1\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: catalog-from-ui\n  namespace: catalog\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: ui\n          namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ui\n',
  },
  check({ obj, index, report }) {
    const found = peerScopes(index, obj);
    if (!found) return;
    for (const p of found.peers) {
      if (p.peer.namespaceSelectorPair || p.selected.length || !p.elsewhere.length) continue;
      const keySpan = spanOf(p.peer.podSelectorPair?.key);
      if (!keySpan) continue;
      const namespaces = [...new Set(p.elsewhere.map((w) => w.namespace))];
      // Confident when the pods involved are written next to the policy; otherwise they may be another application's.
      const confident = nearby(index, obj, [...p.elsewhere, ...p.candidates]).length > 0;
      const where = shortList(p.elsewhere.map((w) => `${describeWorkload(w)} in \`${w.namespace}\``));
      report({
        span: keySpan,
        ...(confident ? {} : { severity: 'info' as const }),
        message: `This peer selects pods with ${describeSelector(p.podSelector)} in the policy's own namespace \`${found.entry.namespace}\` only, where there are none; the matching pods are ${where}. Add a \`namespaceSelector\` to this peer item to allow them.`,
        data: { peerKey: keySpan, namespaces: namespaces.slice(0, 3) } satisfies Payload,
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.peerKey || !Array.isArray(p.namespaces)) return [];
    const obj = ctx.file.objects.find((o) => o.base === ctx.base && o.model.kind === 'NetworkPolicy');
    if (!obj) return [];
    const peer = mapWithKeyAt(obj.model.root, p.peerKey.start);
    if (!peer) return [];
    return p.namespaces.flatMap((ns, i) => {
      const edit = appendMapEntry(obj.chunk.text, peer, 'namespaceSelector', `\n  matchLabels:\n    ${NAME_LABEL}: ${ns}`);
      return edit ? [ctx.fix(`Select these pods in namespace "${ns}" (add namespaceSelector)`, [ctx.edit(edit.span, edit.newText)], i === 0)] : [];
    });
  },
};
