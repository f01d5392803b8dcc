import type { Span } from '../model/types';
import { ingressClassParams, paramsRefOf } from '../xref/classes';
import { scalarLike } from '../xref/edits';
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
  id: 'ingress-class-params-missing',
  title: 'IngressClass parameters name no IngressClassParams (typo)',
  description: 'An IngressClass\'s `spec.parameters` names IngressClassParams that the workspace does not define, while IngressClassParams with a very similar name exist.',
  remediation: 'Use the name of the IngressClassParams (the finding suggests it).',
  severity: 'warning',
  kinds: ['IngressClass'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'When the IngressClassParams of a class do not exist, the AWS Load Balancer Controller rejects every Ingress of the class ("invalid ingress class": the parameters cannot be loaded), so none of them is reconciled. Names the workspace does not define at all are reported by `reference-not-in-workspace` at information level, since the object may be applied from elsewhere.',
    bad: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: IngressClassParams\nmetadata:\n  name: awesome-class\nspec:\n  scheme: internal\n---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: awesome-class\nspec:\n  controller: ingress.k8s.aws/alb\n  parameters:\n    apiGroup: elbv2.k8s.aws\n    kind: IngressClassParams\n    name: awesome-class-cfg\n',
    good: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: IngressClassParams\nmetadata:\n  name: awesome-class\nspec:\n  scheme: internal\n---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: awesome-class\nspec:\n  controller: ingress.k8s.aws/alb\n  parameters:\n    apiGroup: elbv2.k8s.aws\n    kind: IngressClassParams\n    name: awesome-class\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const ref = paramsRefOf(obj);
    if (ref?.kind !== 'IngressClassParams' || !ref.name || !ref.nameSpan) return;
    const r = resolveByName(ingressClassParams(index), ref.name);
    if (r.status !== 'missing') return;
    const near = r.candidates[0]!;
    report({
      span: ref.nameSpan,
      message: `IngressClassParams "${ref.name}" is not defined in the workspace; did you mean ${quoteList(r.candidates)}? Every Ingress of this class fails with "invalid ingress class" while its parameters are missing.`,
      data: { span: ref.nameSpan, value: near, text: scalarLike(obj.chunk.text.slice(ref.nameSpan.start, ref.nameSpan.end), near) } satisfies Payload,
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change the parameters name to "${p.value}"`, [ctx.edit(p.span, p.text)], true)];
  },
};
