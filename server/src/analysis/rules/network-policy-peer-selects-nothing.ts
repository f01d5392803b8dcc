import { describeSelector } from '../kube/selectors';
import { peerScopes } from '../policy/peers';
import { labelSummary, nearby, suggestFix, suggestionFix, SYSTEM_NAMESPACES } from '../policy/selection';
import { shortList } from '../xref/names';
import { describeWorkload } from '../xref/workloads';
import { spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';
import { READS_WORKLOADS } from './support/workloadScope';

export const rule: ObjectRule = {
  id: 'network-policy-peer-selects-nothing',
  title: 'NetworkPolicy peer selects no pod',
  description: 'Reports a peer `podSelector` (in the policy\'s namespace, or in the namespaces its `namespaceSelector` names by `kubernetes.io/metadata.name`) that matches none of the workloads of those namespaces in the workspace, nor any workload elsewhere. Only workloads written next to the policy (same folder or kustomization) count as evidence, and system namespaces such as kube-system (whose workloads EKS installs) are not checked.',
  remediation: 'Correct the selector to the labels of the pods that should be allowed (a quick fix offers a close existing label).',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  ...READS_WORKLOADS,
  docs: {
    why: 'A peer that selects no pod allows nothing. Once the policy isolates its pods, the traffic you meant to allow (from a frontend, to a database) is dropped, and the only symptom is a timeout.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: frontend\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers:\n        - name: web\n          image: web:1\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-from-frontend\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: fronted\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: frontend\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers:\n        - name: web\n          image: web:1\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-from-frontend\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: frontend\n',
  },
  check({ obj, index, report }) {
    const found = peerScopes(index, obj);
    if (!found) return;
    for (const p of found.peers) {
      if (p.selected.length || p.elsewhere.length || p.namespaces.some((n) => SYSTEM_NAMESPACES.has(n))) continue;
      // Only workloads written next to the policy make this confident (see `nearby`).
      const near = nearby(index, obj, p.candidates);
      const keySpan = spanOf(p.peer.podSelectorPair?.key);
      if (!near.length || !keySpan) continue;
      const fix = suggestFix(p.podSelector, near);
      const where = p.namespaces.length === 1 ? `namespace \`${p.namespaces[0]}\`` : `namespaces ${p.namespaces.map((n) => `\`${n}\``).join(', ')}`;
      const seen = near.map((w) => `${describeWorkload(w)} (${labelSummary(w.labels)})`);
      report({
        span: keySpan,
        message: `This peer (${describeSelector(p.podSelector)}) selects no pod in ${where}, so this ${p.rule.direction.toLowerCase()} rule allows no traffic ${p.rule.direction === 'Ingress' ? 'from' : 'to'} it. ${fix ? `Did you mean ${fix.what} "${fix.to}"?` : `Pods next to it: ${shortList(seen)}.`}`,
        ...(fix ? { data: fix } : {}),
      });
    }
  },
  fix: suggestionFix,
};
