import type { Span } from '../model/types';
import { CHART_CLASSES, ingressClasses } from '../xref/classes';
import { scalarLike } from '../xref/edits';
import { ingressFacts } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { quoteList } from '../xref/names';
import { resolveByName } from '../xref/resolve';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly value: string;
}

export const rule: ObjectRule = {
  id: 'ingress-class-missing',
  title: 'ingressClassName names no IngressClass (typo)',
  description: 'An Ingress\'s `spec.ingressClassName` names no IngressClass of the workspace, but one with a very similar name exists.',
  remediation: 'Use the name of the IngressClass (the finding suggests it).',
  severity: 'warning',
  kinds: ['Ingress'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'An Ingress whose class does not exist is picked up by no controller (the AWS Load Balancer Controller reports "invalid ingress class" from its webhook), so nothing is provisioned and the Ingress never gets an address. IngressClasses are often installed by a controller\'s Helm chart rather than kept with the manifests, so a name the workspace does not define is only reported here when it is close to one it does define; other unresolved names are reported by `reference-not-in-workspace`.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb-internal\nspec:\n  controller: ingress.k8s.aws/alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb-internl\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb-internal\nspec:\n  controller: ingress.k8s.aws/alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb-internal\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const cn = ingressFacts(obj).className;
    if (!cn || CHART_CLASSES.has(cn.value)) return; // installed by the controller's chart
    const r = resolveByName(ingressClasses(index), cn.value);
    if (r.status !== 'missing') return;
    const near = r.candidates[0]!;
    report({
      span: cn.span,
      message: `IngressClass "${cn.value}" is not defined in the workspace; did you mean ${quoteList(r.candidates)}? No controller handles an Ingress whose class does not exist.`,
      data: { span: cn.span, value: near, text: scalarLike(obj.chunk.text.slice(cn.span.start, cn.span.end), near) } satisfies Payload,
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change ingressClassName to "${p.value}"`, [ctx.edit(p.span, p.text)], true)];
  },
};
