import { sgpEntry, sgpSelects } from '../policy/selection';
import { shortList } from '../xref/names';
import { describeWorkload, workloadsIn } from '../xref/workloads';
import { asMap, getPair, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'security-group-policy-host-network',
  title: 'SecurityGroupPolicy selects hostNetwork pods',
  description: 'Reports a SecurityGroupPolicy that selects workloads running with `hostNetwork: true`: such pods use the node\'s network interface and never receive the policy\'s security groups.',
  remediation: 'Drop `hostNetwork` from the workload if it should get its own security groups, or narrow the selector so it does not pretend to cover these pods.',
  severity: 'warning',
  kinds: ['SecurityGroupPolicy'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'Security groups for pods work by giving the pod its own branch ENI. A `hostNetwork` pod shares the node\'s network namespace, so the VPC resource controller\'s webhook skips it: it keeps the node\'s security groups, whatever the SecurityGroupPolicy says.',
    bad: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n  namespace: ops\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      hostNetwork: true\n      containers:\n        - name: agent\n          image: agent:1\n---\napiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: agent-sg\n  namespace: ops\nspec:\n  podSelector:\n    matchLabels:\n      app: agent\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0\n',
    good: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n  namespace: ops\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n        - name: agent\n          image: agent:1\n---\napiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: agent-sg\n  namespace: ops\nspec:\n  podSelector:\n    matchLabels:\n      app: agent\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0\n',
  },
  check({ obj, index, report }) {
    const sgp = sgpEntry(index, obj);
    if (!sgp || sgp.unknown) return;
    const host = workloadsIn(index, sgp.namespace).filter((w) => w.tpl.hostNetwork && sgpSelects(index, sgp, w) === 'yes');
    if (!host.length) return;
    const spec = asMap(getPair(obj.model.root, 'spec')?.value, obj.model.anchors);
    const span = spanOf(getPair(spec, 'podSelector')?.key) ?? spanOf(getPair(spec, 'serviceAccountSelector')?.key) ?? obj.model.kindSpan;
    report({
      span,
      message: `${shortList(host.map(describeWorkload))} ${host.length === 1 ? 'runs' : 'run'} with \`hostNetwork: true\`: such pods use the node's network interface and never get these security groups.`,
    });
  },
};
