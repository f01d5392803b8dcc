import type { Span } from '../model/types';
import { annotationEntries, deletePair } from './support/annotations';
import type { ObjectRule } from './types';

export const POD_ENI = 'vpc.amazonaws.com/pod-eni';

interface Payload {
  readonly span: Span;
}

export const rule: ObjectRule = {
  id: 'pod-eni-annotation',
  title: 'vpc.amazonaws.com/pod-eni written by hand',
  description: 'Reports the `vpc.amazonaws.com/pod-eni` annotation on a Pod or a pod template: only the VPC resource controller may write it, and its webhook rejects pods created with it.',
  remediation: 'Remove the annotation (quick fix). To give pods their own security groups, create a SecurityGroupPolicy that selects them.',
  severity: 'warning',
  kinds: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Rollout'],
  scope: 'object',
  docs: {
    why: 'With security groups for pods, the VPC resource controller attaches a branch ENI to each matching pod and records it in `vpc.amazonaws.com/pod-eni`. Its admission webhook refuses pods that already carry the annotation at creation, and refuses changes by anyone but the controller, so a copied manifest with this annotation cannot create its pods (a Deployment\'s ReplicaSet keeps failing).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    vpc.amazonaws.com/pod-eni: \'[{"eniId":"eni-0123456789abcdef0","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.1.10","vlanId":1,"subnetCidr":"10.0.1.0/24"}]\'\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
  },
  check({ obj, report }) {
    for (const e of annotationEntries(obj)) {
      if (e.key !== POD_ENI || (e.owner === 'object' && obj.model.kind !== 'Pod')) continue;
      const del = deletePair(obj.chunk.text, e);
      report({
        span: e.keySpan,
        message: `\`${POD_ENI}\` is written by the VPC resource controller once it attaches a branch ENI; its webhook rejects pods created with it${e.owner === 'podTemplate' ? ', so this workload cannot create its pods' : ''}. Remove it; to give these pods security groups, create a SecurityGroupPolicy that selects them.`,
        ...(del ? { data: { span: del } satisfies Payload } : {}),
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Remove ${POD_ENI}`, [ctx.edit(p.span, '')], true)];
  },
};
