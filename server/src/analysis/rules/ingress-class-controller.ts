import type { Span } from '../model/types';
import { ALB_CONTROLLERS, controllerOf, paramsRefOf, resolveClass } from '../xref/classes';
import { ALB, ingressFacts } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { quoteList } from '../xref/names';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly value: string;
}

export const rule: ObjectRule = {
  id: 'ingress-class-controller',
  title: 'IngressClass controller and parameters do not fit the AWS Load Balancer Controller',
  description: 'An IngressClass refers to IngressClassParams but names another controller or API group than the AWS Load Balancer Controller\'s, or an Ingress with `alb.ingress.kubernetes.io/*` annotations uses a class handled by another controller.',
  remediation: 'Use `spec.controller: ingress.k8s.aws/alb` with `parameters.apiGroup: elbv2.k8s.aws` (EKS Auto Mode: `eks.amazonaws.com/alb` with `eks.amazonaws.com`), or give the Ingress an ALB class.',
  severity: 'warning',
  kinds: ['IngressClass', 'Ingress'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'The AWS Load Balancer Controller handles only IngressClasses with `spec.controller: ingress.k8s.aws/alb`, and loads their parameters only when they are `apiGroup: elbv2.k8s.aws`, `kind: IngressClassParams` (otherwise "invalid ingress class"). Another controller ignores IngressClassParams and every `alb.ingress.kubernetes.io/*` annotation, so an Ingress whose class belongs to, say, ingress-nginx gets no ALB at all.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb\nspec:\n  controller: ingress.k8s.aws/alb\n  parameters:\n    apiGroup: elbv2.k8s.aws.io\n    kind: IngressClassParams\n    name: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb\nspec:\n  controller: ingress.k8s.aws/alb\n  parameters:\n    apiGroup: elbv2.k8s.aws\n    kind: IngressClassParams\n    name: alb\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    if (obj.model.kind === 'IngressClass') {
      const ref = paramsRefOf(obj);
      if (ref?.kind !== 'IngressClassParams') return;
      const controller = controllerOf(obj);
      const group = controller ? ALB_CONTROLLERS.get(controller) : undefined;
      if (!group) {
        const at = ref.kindSpan ?? ref.keySpan;
        if (at && controller && !/[{$]/.test(controller)) {
          report({ span: at, message: `IngressClassParams are read only by the AWS Load Balancer Controller (controller ${quoteList([...ALB_CONTROLLERS.keys()])}); controller "${controller}" ignores them.` });
        }
        return;
      }
      if (ref.apiGroup !== group && ref.apiGroupSpan && ref.apiGroup && !/[{$]/.test(ref.apiGroup)) {
        report({
          span: ref.apiGroupSpan,
          message: `IngressClassParams of controller "${controller}" belong to apiGroup "${group}", not "${ref.apiGroup}"; the controller rejects every Ingress of this class ("invalid ingress class").`,
          data: { span: ref.apiGroupSpan, value: group } satisfies Payload,
        });
      }
      return;
    }
    const facts = ingressFacts(obj);
    const alb = facts.annotations.filter((a) => a.key.startsWith(ALB));
    if (!alb.length || !facts.className) return;
    const cls = resolveClass(index, obj);
    if (cls.via !== 'spec' || !cls.cls || !cls.controller || cls.isAlb || /[{$]/.test(cls.controller)) return;
    report({
      span: facts.className.span,
      message: `IngressClass "${cls.name}" is handled by controller "${cls.controller}", which ignores the ${alb.length} alb.ingress.kubernetes.io annotation${alb.length === 1 ? '' : 's'} of this Ingress; no ALB is created. Use an IngressClass with controller ingress.k8s.aws/alb.`,
      related: [{ obj: cls.cls, span: cls.cls.model.nameSpan ?? cls.cls.model.kindSpan, message: `IngressClass ${cls.name}` }],
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Set apiGroup to ${p.value}`, [ctx.edit(p.span, p.value)], true)];
  },
};
