import { INGRESS_GROUP } from '../workspace/workspaceIndex';
import { annotation } from '../xref/ingress';
import { describeMember, GROUP_ORDER, otherMembers } from '../xref/ingressGroups';
import { shortList } from '../xref/names';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'ingress-group-order',
  title: 'Two IngressGroup members have the same group.order',
  description: 'Two members of one IngressGroup set the same explicit `alb.ingress.kubernetes.io/group.order`, so the order of their rules on the shared ALB falls back to namespace/name and is not what the numbers suggest.',
  remediation: 'Give every member that sets group.order a distinct value (-1000 to 1000; lower numbers are evaluated first).',
  severity: 'warning',
  kinds: ['Ingress'],
  scope: 'workspace',
  // IngressGroups span namespaces: cached per group (workspaceIndex.ts groupEpochOf).
  locality: 'namespace',
  reads: [INGRESS_GROUP],
  docs: {
    why: 'The controller sorts the members of an IngressGroup by `group.order` (default 0) and writes their rules to the shared listeners in that order; the first matching rule wins. Members with equal explicit orders are sorted by namespace and name, so overlapping paths may be routed by an Ingress other than the one intended. The range (-1000 to 1000) is checked by the annotation rules.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/group.order: "10"\nspec:\n  ingressClassName: alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/group.order: "10"\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/group.order: "10"\nspec:\n  ingressClassName: alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/group.order: "20"\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, index, report }) {
    const g = otherMembers(index, obj);
    if (!g || !g.others.length) return;
    const mine = annotation(g.self.facts, GROUP_ORDER);
    const order = parseOrder(mine?.value);
    if (order === undefined || !mine?.valueSpan) return;
    const same = g.others.filter((o) => parseOrder(annotation(o.facts, GROUP_ORDER)?.value) === order);
    if (!same.length) return;
    const used = new Set([order, ...g.others.map((o) => parseOrder(annotation(o.facts, GROUP_ORDER)?.value)).filter((n): n is number => n !== undefined)]);
    let free = order + 1;
    while (used.has(free) && free < 1000) free++;
    report({
      span: mine.valueSpan,
      message: `IngressGroup "${g.self.group}": group.order ${order} is also set on Ingress ${shortList(same.map(describeMember))}; equal orders are sorted by namespace/name, so rule priority between them is accidental. Use a distinct value such as ${free}.`,
      related: same.map((o) => {
        const a = annotation(o.facts, GROUP_ORDER)!;
        return { obj: o.obj, span: a.valueSpan ?? a.keySpan, message: `group.order ${order} on Ingress ${describeMember(o)}` };
      }),
    });
  },
};

function parseOrder(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*-?\d+\s*$/.test(v)) return undefined;
  const n = Number(v);
  return n >= -1000 && n <= 1000 ? n : undefined;
}
