import type { Span } from '../model/types';
import { ownAnnotations, removeAnnotation, specString } from './support/annotations';
import type { ObjectRule } from './types';

const CLASS = 'kubernetes.io/ingress.class';

interface Payload {
  readonly span: Span;
}

export const rule: ObjectRule = {
  id: 'ingress-class-annotation-and-field',
  title: 'Ingress has both the class annotation and spec.ingressClassName',
  description: 'An Ingress that sets both `kubernetes.io/ingress.class` and `spec.ingressClassName`.',
  remediation: 'Remove the `kubernetes.io/ingress.class` annotation and keep `spec.ingressClassName`.',
  severity: 'error',
  kinds: ['Ingress'],
  scope: 'object',
  docs: {
    why: 'The API server refuses to create an Ingress with both ("can not be set when the class field is also set"). On an existing object, where updates are not checked, the annotation wins in the AWS Load Balancer Controller and the IngressClass (and its IngressClassParams) is ignored.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress.class: alb\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    const e = ownAnnotations(obj).get(CLASS);
    const field = specString(obj, ['spec', 'ingressClassName']);
    if (!e || field === undefined) return;
    const del = removeAnnotation(obj.chunk.text, e);
    report({
      span: e.keySpan,
      message: `"${CLASS}"${e.value !== undefined ? ` (${e.value})` : ''} and "spec.ingressClassName" (${field}) are both set: the API server rejects creating such an Ingress ("can not be set when the class field is also set"), and on existing objects the annotation overrides the class. Remove the annotation.`,
      ...(del ? { data: { span: del } satisfies Payload } : {}),
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Remove the ${CLASS} annotation`, [ctx.edit(p.span, '')], true)];
  },
};
