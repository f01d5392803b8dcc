import { isMap } from 'yaml';
import type { Span } from '../model/types';
import { blockIndent, ownAnnotations, removeAnnotation, specString, yamlString } from './support/annotations';
import { getPair, pairs, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

const CLASS = 'kubernetes.io/ingress.class';

interface Payload {
  readonly edits: readonly { readonly span: Span; readonly text: string }[];
  readonly value: string;
}

export const rule: ObjectRule = {
  id: 'ingress-class-annotation-deprecated',
  title: 'Deprecated kubernetes.io/ingress.class annotation',
  description: 'The `kubernetes.io/ingress.class` annotation is deprecated since Kubernetes 1.18; `spec.ingressClassName` replaces it.',
  remediation: 'Move the value to `spec.ingressClassName` (an IngressClass of that name must exist, e.g. `alb` with `spec.controller: ingress.k8s.aws/alb`).',
  severity: 'info',
  kinds: ['Ingress'],
  scope: 'object',
  docs: {
    why: 'The annotation still works, but while it is present it decides alone: the AWS Load Balancer Controller ignores `spec.ingressClassName` and therefore any IngressClassParams of the class. Controllers started with `--disable-ingress-class-annotation` reject new uses.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress.class: alb\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n',
  },
  check({ obj, report }) {
    const e = ownAnnotations(obj).get(CLASS);
    if (!e || e.templated || specString(obj, ['spec', 'ingressClassName']) !== undefined) return;
    let data: Payload | undefined;
    const text = obj.chunk.text;
    const spec = getPair(obj.model.root, 'spec');
    const del = removeAnnotation(text, e);
    if (e.value && del && spec && isMap(spec.value) && !spec.value.flow) {
      const first = pairs(spec.value)[0];
      const firstKey = first ? spanOf(first.key) : undefined;
      const indent = firstKey ? blockIndent(text, firstKey) : undefined;
      if (firstKey && indent !== undefined) {
        const at = firstKey.start - indent.length;
        data = { value: e.value, edits: [{ span: del, text: '' }, { span: { start: at, end: at }, text: `${indent}ingressClassName: ${yamlString(e.value)}\n` }] };
      }
    }
    report({
      span: e.keySpan,
      message: `"${CLASS}: ${e.value ?? ''}" is deprecated; use "spec.ingressClassName: ${e.value ?? '<class>'}" instead (an IngressClass of that name must exist).${e.value === 'alb' ? ' While the annotation is present the AWS Load Balancer Controller ignores spec.ingressClassName, so IngressClassParams are not applied.' : ''}`,
      tags: ['deprecated'],
      ...(data ? { data } : {}),
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.edits?.length) return [];
    return [ctx.fix(`Move to spec.ingressClassName: ${p.value}`, p.edits.map((e) => ctx.edit(e.span, e.text)), true)];
  },
};
