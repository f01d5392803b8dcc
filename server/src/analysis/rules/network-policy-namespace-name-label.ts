import type { Span } from '../model/types';
import { networkPolicyOf } from '../policy/networkPolicy';
import { NAME_LABEL, someNamespaceHasLabel } from '../policy/selection';
import { isPartial } from '../xref/kustomize';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
}

export const rule: ObjectRule = {
  id: 'network-policy-namespace-name-label',
  title: 'namespaceSelector on a `name` label',
  description: 'Reports a `namespaceSelector` that selects namespaces by a `name` label (`name: kube-system`) when no Namespace in the workspace carries such a label: namespaces get `kubernetes.io/metadata.name` automatically, never `name`.',
  remediation: 'Select on `kubernetes.io/metadata.name` instead (quick fix), or add the `name` label to the Namespace objects.',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'Many examples select namespaces with `namespaceSelector: {matchLabels: {name: kube-system}}`. Kubernetes labels every namespace with `kubernetes.io/metadata.name: <name>` (since 1.21), but nobody adds a `name` label unless you do it yourself, so the selector matches no namespace and the rule allows nothing — typically DNS to kube-system, which then breaks every lookup.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-dns\nspec:\n  podSelector: {}\n  policyTypes:\n    - Egress\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n              name: kube-system\n      ports:\n        - protocol: UDP\n          port: 53\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-dns\nspec:\n  podSelector: {}\n  policyTypes:\n    - Egress\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n      ports:\n        - protocol: UDP\n          port: 53\n',
  },
  check({ obj, index, report }) {
    const np = networkPolicyOf(obj);
    if (!np || isPartial(index, obj) || someNamespaceHasLabel(index, 'name')) return;
    for (const r of [...np.ingress, ...np.egress]) {
      for (const peer of r.peers ?? []) {
        const sel = peer.namespaceSelector;
        if (!sel) continue;
        for (const req of sel.requirements) {
          if (req.key !== 'name' || !req.keySpan || req.operator === 'DoesNotExist' || req.operator === 'NotIn') continue;
          const values = req.operator === 'Exists' ? 'any value' : req.values.map((v) => `"${v}"`).join(', ');
          report({
            span: req.keySpan,
            message: `No namespace has a \`name\` label unless you add one (none of the workspace's Namespace objects does), so this namespaceSelector (name: ${values}) matches no namespace. Kubernetes labels every namespace with \`${NAME_LABEL}\`; select on that instead.`,
            data: { span: req.keySpan } satisfies Payload,
          });
        }
      }
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Select on ${NAME_LABEL} instead of name`, [ctx.edit(p.span, NAME_LABEL)], true)];
  },
};
