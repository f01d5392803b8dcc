import type { Span, TextEdit } from '../model/types';
import { podTemplateOf } from '../kube/podTemplates';
import { annotationEntries, deletePair } from './support/annotations';
import type { ObjectRule } from './types';

export const SG_IDS = 'vpc.amazonaws.com/security-group-ids';
const SG_ID = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

interface Payload {
  readonly remove: Span | undefined;
  /** Where the new document goes (end of the object's chunk, chunk-relative). */
  readonly at: number;
  readonly document: string;
  readonly name: string;
}

export const rule: ObjectRule = {
  id: 'pod-security-group-ids-annotation',
  title: 'vpc.amazonaws.com/security-group-ids has no effect',
  description: 'Reports the `vpc.amazonaws.com/security-group-ids` annotation shown by some tutorials: no AWS component reads it. Also checks that its values are security group IDs. Security groups for pods come from a SecurityGroupPolicy.',
  remediation: 'Create a SecurityGroupPolicy (`vpcresources.k8s.aws/v1beta1`) in the pod\'s namespace that selects the pod\'s labels and lists the groups (quick fix), and remove the annotation.',
  severity: 'warning',
  kinds: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Rollout'],
  scope: 'object',
  docs: {
    why: 'Neither the VPC CNI, the VPC resource controller, the AWS Load Balancer Controller nor the cloud provider reads `vpc.amazonaws.com/security-group-ids`, so pods annotated with it keep the security groups of the node. Per-pod security groups are configured with a SecurityGroupPolicy whose selectors match the pod (and need `ENABLE_POD_ENI=true` on `aws-node` and Nitro nodes).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels:\n    app: web\n  annotations:\n    vpc.amazonaws.com/security-group-ids: sg-0123456789abcdef0\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n---\napiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: web-security-groups\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0\n',
  },
  check({ obj, report }) {
    for (const e of annotationEntries(obj)) {
      if (e.key !== SG_IDS || e.templated) continue;
      const ids = (e.value ?? '').split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
      const bad = ids.filter((id) => !SG_ID.test(id));
      const invalid = bad.length ? ` Besides, ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a security group ID' : 'are not security group IDs'} (sg- followed by 8 or 17 lowercase hex digits).` : '';
      const payload = sgpPayload(obj, e, ids.filter((id) => SG_ID.test(id)));
      report({
        span: e.keySpan,
        message: `No AWS component reads \`${SG_IDS}\`: these pods keep the node's security groups. Per-pod security groups come from a SecurityGroupPolicy that selects the pods in their namespace.${invalid}`,
        ...(payload ? { data: payload } : {}),
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p || typeof p.document !== 'string' || typeof p.at !== 'number') return [];
    const edits: TextEdit[] = [ctx.edit({ start: p.at, end: p.at }, p.document)];
    if (p.remove) edits.push(ctx.edit(p.remove, ''));
    return [ctx.fix(`Create SecurityGroupPolicy "${p.name}" for these pods and remove the annotation`, edits, true)];
  },
};

function sgpPayload(obj: Parameters<ObjectRule['check']>[0]['obj'], e: ReturnType<typeof annotationEntries>[number], ids: readonly string[]): Payload | undefined {
  if (obj.model.inList || !ids.length) return undefined;
  const tpl = podTemplateOf(obj);
  if (!tpl || !tpl.labels.size) return undefined; // an empty podSelector would select every pod of the namespace
  const name = `${obj.model.name ?? 'pods'}-security-groups`;
  const q = (s: string) => (/^[A-Za-z0-9][-A-Za-z0-9_./]*$/.test(s) && !/^(true|false|yes|no|on|off|null|~|[0-9.]+)$/i.test(s) ? s : JSON.stringify(s));
  const lines = [
    'apiVersion: vpcresources.k8s.aws/v1beta1',
    'kind: SecurityGroupPolicy',
    'metadata:',
    `  name: ${q(name)}`,
    ...(obj.model.namespace ? [`  namespace: ${q(obj.model.namespace)}`] : []),
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    ...[...tpl.labels].map(([k, v]) => `      ${q(k)}: ${q(v)}`),
    '  securityGroups:',
    '    groupIds:',
    ...ids.map((id) => `      - ${id}`),
  ];
  const text = obj.chunk.text;
  let at = text.length;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return { remove: deletePair(text, e), at, document: `\n---\n${lines.join('\n')}`, name };
}
