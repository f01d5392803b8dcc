import { ALL_ANNOTATIONS } from '../catalog/data';
import { resolveClass } from '../xref/classes';
import { overriddenByParams, parseStringMap } from '../xref/groupValues';
import { ingressFacts } from '../xref/ingress';
import { isPartial, sameArea } from '../xref/kustomize';
import { asMap, asSeq, getIn, scalarString, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

const OVERRIDABLE = ALL_ANNOTATIONS.filter((a) => !a.keyPattern && a.overriddenByClassParam && a.kinds.includes('Ingress'));
/** IngressClassParams fields merged key by key with the annotation (the class wins per key). */
const PER_KEY: Readonly<Record<string, string>> = { 'spec.tags': 'key', 'spec.loadBalancerAttributes': 'key' };

export const rule: ObjectRule = {
  id: 'ingress-class-params-override',
  title: 'Annotation made ineffective by the IngressClassParams',
  description: 'An Ingress annotation whose setting the IngressClassParams of its class also set: the class value wins, so the annotation has no effect.',
  remediation: 'Remove the annotation, or change the setting in the IngressClassParams (it applies to every Ingress of the class).',
  severity: 'warning',
  kinds: ['Ingress'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'IngressClassParams fields (`scheme`, `ipAddressType`, `group`, `subnets`, `sslPolicy`, `certificateArn`, `targetType`, `loadBalancerAttributes`, `tags`, ...) apply to every Ingress of the class and take precedence over the matching annotations; for `tags` and `loadBalancerAttributes` the class wins key by key. An annotation that is overridden is silently ignored, which misleads whoever reads the manifest. (The class is only resolved for `spec.ingressClassName`; with the `kubernetes.io/ingress.class` annotation, IngressClassParams do not apply at all.)',
    bad: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: IngressClassParams\nmetadata:\n  name: internal\nspec:\n  scheme: internal\n---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: internal\nspec:\n  controller: ingress.k8s.aws/alb\n  parameters:\n    apiGroup: elbv2.k8s.aws\n    kind: IngressClassParams\n    name: internal\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: internal\n',
    good: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: IngressClassParams\nmetadata:\n  name: internal\nspec:\n  scheme: internal\n---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: internal\nspec:\n  controller: ingress.k8s.aws/alb\n  parameters:\n    apiGroup: elbv2.k8s.aws\n    kind: IngressClassParams\n    name: internal\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: internal\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const cls = resolveClass(index, obj);
    if (!cls.params || cls.via === 'annotation') return;
    // A class defined in an unrelated part of a multi-project workspace may not be the one deployed with this Ingress.
    if (!sameArea(index, obj.file.uri, cls.params.file.uri) && !(cls.cls && sameArea(index, obj.file.uri, cls.cls.file.uri))) return;
    const params = cls.params;
    const facts = ingressFacts(obj);
    for (const spec of OVERRIDABLE) {
      const a = facts.annotations.find((x) => x.key === spec.key);
      if (!a || !overriddenByParams({ cls }, spec)) continue;
      const field = spec.overriddenByClassParam!;
      const path = field.slice('spec.'.length).split('.');
      const node = getIn(params.model.root, ['spec', ...path], params.model.anchors);
      if (PER_KEY[field]) {
        // Only the keys the class also sets are overridden.
        const classKeys = new Set((asSeq(node, params.model.anchors)?.items ?? []).map((i) => scalarString(getIn(asMap(i, params.model.anchors), ['key'], params.model.anchors), params.model.anchors)).filter((k): k is string => !!k));
        const mine = [...parseStringMap(a.value ?? '').keys()];
        const classValues = new Map((asSeq(node, params.model.anchors)?.items ?? []).map((i) => {
          const m = asMap(i, params.model.anchors);
          return [scalarString(getIn(m, ['key'], params.model.anchors), params.model.anchors) ?? '', scalarString(getIn(m, ['value'], params.model.anchors), params.model.anchors) ?? ''] as const;
        }));
        const own = parseStringMap(a.value ?? '');
        // A key set to the class's own value changes nothing: only a different value is lost.
        const lost = mine.filter((k) => classKeys.has(k) && classValues.get(k) !== own.get(k));
        if (!lost.length) continue;
        report({
          span: a.valueSpan ?? a.keySpan,
          message: `IngressClassParams "${cls.paramsName}" set ${lost.join(', ')} in ${field}, which wins over this annotation for ${lost.length === 1 ? 'that key' : 'those keys'}${lost.length === mine.length ? '; the annotation has no effect' : ''}.`,
          related: [{ obj: params, span: spanOf(node) ?? params.model.kindSpan, message: `${field} of IngressClassParams ${cls.paramsName}` }],
          ...(lost.length === mine.length ? { tags: ['unnecessary' as const] } : {}),
        });
        continue;
      }
      const shown = scalarString(node, params.model.anchors);
      if (shown !== undefined && a.value !== undefined && shown.trim() === a.value.trim()) continue; // same value: redundant, not overridden
      report({
        span: a.keySpan,
        message: `This annotation has no effect: IngressClassParams "${cls.paramsName}" of class "${cls.name}" set ${field}${shown !== undefined ? ` to "${shown}"` : ''}, which wins for every Ingress of the class. Remove the annotation or change the class parameters.`,
        related: [{ obj: params, span: spanOf(node) ?? params.model.kindSpan, message: `${field} of IngressClassParams ${cls.paramsName}` }],
        tags: ['unnecessary'],
      });
    }
  },
};
