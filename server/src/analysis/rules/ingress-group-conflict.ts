import { INGRESS_GROUP } from '../workspace/workspaceIndex';
import { annotation } from '../xref/ingress';
import { describeMember, otherMembers } from '../xref/ingressGroups';
import { GROUP_KEYS, normalise, overriddenByParams } from '../xref/groupValues';
import { shortList } from '../xref/names';
import type { ObjectRule, RelatedInput } from './types';

export const rule: ObjectRule = {
  id: 'ingress-group-conflict',
  title: 'IngressGroup members disagree on a load-balancer-wide setting',
  description: 'Ingresses of one IngressGroup share one ALB; settings the controller requires to agree (scheme, ip-address-type, subnets, security groups, SSL policy, WAF, load balancer attributes, tags, listen-ports protocols, ...) have different values on two members.',
  remediation: 'Give the setting the same value on every member of the group (or set it on one member only), or move it to the IngressClassParams of the group\'s class.',
  severity: 'error',
  kinds: ['Ingress'],
  scope: 'workspace',
  // IngressGroups span namespaces: cached per group (workspaceIndex.ts groupEpochOf).
  locality: 'namespace',
  reads: [INGRESS_GROUP],
  docs: {
    why: 'The AWS Load Balancer Controller builds one ALB from all members of an IngressGroup (same `group.name`, or the group of their IngressClassParams). Load-balancer-wide annotations set by several members must be identical, map-valued ones (`load-balancer-attributes`, `tags`) must not give one key two values, and `listen-ports` must not declare one port with two protocols; otherwise reconciliation of the whole group fails ("conflicting scheme", "conflicting subnets", ...) and no member gets updated. Each member is reported, with a link to the member it conflicts with. Values are compared the way the controller parses them: list order and blanks do not matter.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/scheme: internal\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, index, report }) {
    const g = otherMembers(index, obj);
    if (!g || !g.others.length) return;
    const { self, others } = g;
    for (const spec of GROUP_KEYS) {
      const mine = annotation(self.facts, spec.key);
      if (mine?.value === undefined || !mine.valueSpan || /\$\{|\{\{/.test(mine.value) || overriddenByParams(self, spec)) continue;
      const a = normalise(spec, mine.value);
      const short = spec.key.slice(spec.key.indexOf('/') + 1);
      const conflicts: { member: string; detail: string }[] = [];
      const related: RelatedInput[] = [];
      for (const o of others) {
        const theirs = annotation(o.facts, spec.key);
        if (theirs?.value === undefined || /\$\{|\{\{/.test(theirs.value) || overriddenByParams(o, spec)) continue;
        const b = normalise(spec, theirs.value);
        let detail: string | undefined;
        if (a.kind === 'scalar' && b.kind === 'scalar') {
          if (a.value !== b.value) detail = `"${theirs.value}"`;
        } else if (a.kind === 'map' && b.kind === 'map') {
          const keys = [...a.entries].filter(([k, v]) => b.entries.has(k) && b.entries.get(k) !== v).map(([k]) => k);
          if (keys.length) {
            detail = spec.key.endsWith('listen-ports')
              ? keys.map((port) => `port ${port} as ${b.entries.get(port)} (here ${a.entries.get(port)})`).join(', ')
              : keys.map((k) => `${k}=${b.entries.get(k)} (here ${k}=${a.entries.get(k)})`).join(', ');
          }
        }
        if (!detail) continue;
        conflicts.push({ member: describeMember(o), detail });
        related.push({ obj: o.obj, span: theirs.valueSpan ?? theirs.keySpan, message: `${short} on Ingress ${describeMember(o)}` });
      }
      if (!conflicts.length) continue;
      const list = shortList(conflicts.map((c) => `${c.detail} on Ingress ${c.member}`), 2);
      const what = a.kind === 'map' ? (spec.key.endsWith('listen-ports') ? 'declare the same port with different protocols' : 'give the same key different values') : 'must carry the same value';
      report({
        span: mine.valueSpan,
        message: `IngressGroup "${self.group}": members ${what} for ${short}; here "${mine.value}", but ${list}. The controller fails to reconcile the whole group (conflicting ${short}).`,
        related,
      });
    }
  },
};
