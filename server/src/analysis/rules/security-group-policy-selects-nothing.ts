import { describeSelector } from '../kube/selectors';
import { labelSummary, nearby, serviceAccountsIn, sgpEntry, sgpSelects, suggestFix, suggestionFix } from '../policy/selection';
import { plural, shortList } from '../xref/names';
import { describeWorkload, mayMatch, workloadsIn } from '../xref/workloads';
import { asMap, getPair, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'security-group-policy-selects-nothing',
  title: 'SecurityGroupPolicy selects no pod',
  description: 'Reports a SecurityGroupPolicy whose selectors match none of the workloads of its namespace in the workspace: `podSelector` against the pod labels, `serviceAccountSelector` against the labels of the ServiceAccounts the pods run as (both must match when both are set). Information only when the namespace has no workloads (or, for a service account selector, no ServiceAccounts) in the workspace, or none written next to the policy.',
  remediation: 'Correct the selector to the labels of the pods (or of their ServiceAccount), or create the policy in the namespace of the pods: a SecurityGroupPolicy only applies to pods of its own namespace.',
  severity: 'warning',
  kinds: ['SecurityGroupPolicy'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'The VPC resource controller\'s webhook gives a pod a branch ENI with the policy\'s security groups only when every selector of a SecurityGroupPolicy in the pod\'s namespace matches it. When nothing matches, pods silently keep the node\'s security groups, and whatever the groups were meant to open (a database, a cache) stays unreachable, or closed traffic stays open.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n        - name: orders\n          image: orders:1\n---\napiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: orders-db\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: order\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n        - name: orders\n          image: orders:1\n---\napiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: orders-db\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: orders\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0\n',
  },
  check({ obj, index, report }) {
    const sgp = sgpEntry(index, obj);
    if (!sgp || sgp.unknown || (!sgp.podSelector && !sgp.serviceAccountSelector)) return;
    const spec = asMap(getPair(obj.model.root, 'spec')?.value, obj.model.anchors);
    const podKey = spanOf(getPair(spec, 'podSelector')?.key);
    const saKey = spanOf(getPair(spec, 'serviceAccountSelector')?.key);
    const anchor = podKey ?? saKey;
    if (!anchor) return;
    const workloads = workloadsIn(index, sgp.namespace);
    if (!workloads.length) {
      if (sgp.podSelector?.empty && !sgp.serviceAccountSelector) return;
      report({ span: anchor, severity: 'info', message: `No workload of namespace \`${sgp.namespace}\` is in the workspace, so which pods this SecurityGroupPolicy selects cannot be checked here.` });
      return;
    }
    const results = workloads.map((w) => ({ w, m: sgpSelects(index, sgp, w) }));
    if (results.some((r) => r.m === 'yes')) return;
    const near = nearby(index, obj, workloads);
    if (!near.length) {
      report({ span: anchor, severity: 'info', message: `This SecurityGroupPolicy matches none of the ${plural(workloads.length, 'workload')} of namespace \`${sgp.namespace}\` in the workspace; none of them is written next to it, so they may belong to other applications.` });
      return;
    }
    if (results.some((r) => r.m === 'unknown')) {
      // The service account selector could not be evaluated: only the pod selector can be judged.
      if (sgp.podSelector && !workloads.some((w) => mayMatch(sgp.podSelector!, w)) && podKey) reportPods();
      else if (sgp.serviceAccountSelector && saKey && !serviceAccountsIn(index, sgp.namespace).length) {
        report({ span: saKey, severity: 'info', message: `No ServiceAccount of namespace \`${sgp.namespace}\` is in the workspace, so which pods \`serviceAccountSelector\` (${describeSelector(sgp.serviceAccountSelector)}) selects cannot be checked here.` });
      }
      return;
    }
    if (sgp.podSelector && podKey && !workloads.some((w) => mayMatch(sgp.podSelector!, w))) {
      reportPods();
      return;
    }
    if (sgp.serviceAccountSelector && saKey) {
      const sas = serviceAccountsIn(index, sgp.namespace).filter((s) => mayMatch(sgp.serviceAccountSelector!, { labels: s.labels, wildcards: new Set() }));
      const podPart = sgp.podSelector ? ' among the pods `podSelector` matches' : '';
      report({
        span: saKey,
        message: sas.length
          ? `\`serviceAccountSelector\` (${describeSelector(sgp.serviceAccountSelector)}) matches ServiceAccount ${shortList(sas.map((s) => `"${s.name}"`))}, but no pod${podPart} in \`${sgp.namespace}\` runs as ${sas.length === 1 ? 'it' : 'one of them'}: this SecurityGroupPolicy applies to no pod.`
          : `\`serviceAccountSelector\` (${describeSelector(sgp.serviceAccountSelector)}) matches the labels of no ServiceAccount of namespace \`${sgp.namespace}\` (it selects ServiceAccounts by their labels, not by name): this SecurityGroupPolicy applies to no pod.`,
      });
    }

    function reportPods(): void {
      const fix = suggestFix(sgp!.podSelector!, near);
      const seen = near.map((w) => `${describeWorkload(w)} (${labelSummary(w.labels)})`);
      report({
        span: podKey!,
        message: `\`podSelector\` (${describeSelector(sgp!.podSelector!)}) selects no pod in namespace \`${sgp!.namespace}\`, so no pod gets these security groups. ${fix ? `Did you mean ${fix.what} "${fix.to}"?` : `Pods next to it: ${shortList(seen)}.`}`,
        ...(fix ? { data: fix } : {}),
      });
    }
  },
  fix: suggestionFix,
};
