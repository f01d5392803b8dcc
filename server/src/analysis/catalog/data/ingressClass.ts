import type { AnnotationSpec } from '../types';
import { INGRESS_CLASS_DOCS, K8S_WELL_KNOWN_DOCS } from './common';

/** Choosing the Ingress controller: the legacy class annotation and the default IngressClass marker. */
export const INGRESS_CLASS: readonly AnnotationSpec[] = [
  {
    key: 'kubernetes.io/ingress.class',
    metaKind: 'annotation',
    kinds: ['Ingress'],
    reader: 'kubernetes',
    type: 'string',
    since: 'v2.0.0',
    deprecated: {
      message: 'Replace it with `spec.ingressClassName: alb` pointing at an IngressClass whose `spec.controller` is `ingress.k8s.aws/alb`. While the annotation is present it decides alone, so IngressClassParams are not applied.',
    },
    summary: 'Legacy way to choose the Ingress controller.',
    doc: [
      'Selects the Ingress controller: the AWS Load Balancer Controller picks up Ingresses whose value matches its `--ingress-class` setting (default `alb`).',
      '',
      '- When present it overrides `spec.ingressClassName`, and IngressClassParams of the class are then ignored.',
      '- The API server refuses to create an Ingress that has both the annotation and `spec.ingressClassName`.',
      '- Controllers run with `--disable-ingress-class-annotation` reject new uses at admission.',
      '- Other values simply hand the Ingress to another controller (e.g. `nginx`); a controller with a custom `--ingress-class` expects that value instead of `alb`.',
    ].join('\n'),
    examples: ['alb'],
    docsUrl: INGRESS_CLASS_DOCS,
  },
  {
    key: 'ingressclass.kubernetes.io/is-default-class',
    metaKind: 'annotation',
    kinds: ['IngressClass'],
    reader: 'kubernetes',
    type: 'boolean',
    enum: ['true', 'false'],
    caseSensitive: true,
    since: 'v2.5.0',
    summary: 'Marks this IngressClass as the cluster default.',
    doc: [
      'Ingresses without `spec.ingressClassName` use the IngressClass carrying `"true"`.',
      '',
      '- Only the exact lower-case string `true` counts; `True` or `1` are not treated as default.',
      '- At most one IngressClass may be marked: with two, the controller fails with "multiple default IngressClasses found".',
    ].join('\n'),
    examples: ['true'],
    docsUrl: K8S_WELL_KNOWN_DOCS,
  },
];
