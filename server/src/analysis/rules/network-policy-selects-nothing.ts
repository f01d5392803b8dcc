import { describeSelector } from '../kube/selectors';
import { labelSummary, nearby, policyEntry, selectedIn, suggestFix, suggestionFix } from '../policy/selection';
import { plural, shortList } from '../xref/names';
import { describeWorkload, mayMatch, workloadIndex, workloadsIn } from '../xref/workloads';
import { spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';
import { READS_WORKLOADS } from './support/workloadScope';

export const rule: ObjectRule = {
  id: 'network-policy-selects-nothing',
  title: 'NetworkPolicy selects no pod',
  description: 'Reports a NetworkPolicy whose `spec.podSelector` matches none of the pod templates of its namespace in the workspace (information only when the namespace has no workloads in the workspace, or none written next to the policy — same folder or kustomization — since those may belong to other applications).',
  remediation: 'Correct the selector to the labels of the pods it is meant for (a quick fix offers a close existing label), or move the policy to the namespace of those pods.',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  ...READS_WORKLOADS,
  docs: {
    why: 'A NetworkPolicy applies only to pods of its own namespace whose labels match `podSelector`. A typo in a label, or a policy created in the wrong namespace, isolates nothing: the traffic you meant to restrict stays allowed and nothing reports an error.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: api\n          image: api:1\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-ingress\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: apii\n  ingress:\n    - from:\n        - podSelector: {}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: api\n          image: api:1\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-ingress\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  ingress:\n    - from:\n        - podSelector: {}\n',
  },
  check({ obj, index, report }) {
    const entry = policyEntry(index, obj);
    const sel = entry?.selector;
    const keySpan = spanOf(entry?.model.podSelectorPair?.key);
    if (!entry || !sel || sel.empty || !keySpan) return;
    const workloads = workloadsIn(index, entry.namespace);
    const what = `\`podSelector\` (${describeSelector(sel)})`;
    if (selectedIn(index, entry.namespace, sel).length) return;
    // Matching workloads of other namespaces written next to the policy: probably the wrong namespace.
    const elsewhere: string[] = [];
    for (const [ns, list] of workloadIndex(index).byNamespace) {
      if (ns === entry.namespace) continue;
      for (const w of list) if (mayMatch(sel, w) && nearby(index, obj, [w]).length) elsewhere.push(`${describeWorkload(w)} in \`${ns}\``);
    }
    const wrongNamespace = elsewhere.length ? `It would match ${shortList(elsewhere)}: is the policy in the wrong namespace?` : '';
    const near = nearby(index, obj, workloads);
    if (!near.length && !elsewhere.length) {
      report({
        span: keySpan,
        severity: 'info',
        message: workloads.length
          ? `${what} matches none of the ${plural(workloads.length, 'workload')} of namespace \`${entry.namespace}\` in the workspace; none of them is written next to this policy, so they may belong to other applications.`
          : `No workload of namespace \`${entry.namespace}\` is in the workspace, so what ${what} selects cannot be checked here.`,
      });
      return;
    }
    const fix = suggestFix(sel, near);
    const seen = near.map((w) => `${describeWorkload(w)} (${labelSummary(w.labels)})`);
    const parts = [
      `${what} selects no pod in namespace \`${entry.namespace}\`, so this policy isolates nothing.`,
      fix ? `Did you mean ${fix.what} "${fix.to}"?` : seen.length ? `Pods next to it: ${shortList(seen)}.` : '',
      wrongNamespace,
    ];
    report({ span: keySpan, message: parts.filter(Boolean).join(' '), ...(fix ? { data: fix } : {}) });
  },
  fix: suggestionFix,
};
