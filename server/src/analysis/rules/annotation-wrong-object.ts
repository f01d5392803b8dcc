import { KNOWN_PREFIXES, specFor } from '../catalog/lookup';
import type { AnnotatedKind } from '../catalog/types';
import type { Span } from '../model/types';
import { checkedEntries, ownAnnotations } from './support/annotations';
import type { ObjectRule } from './types';

const ALB = 'alb.ingress.kubernetes.io/';
const SVC = 'service.beta.kubernetes.io/aws-load-balancer-';

/** ALB (Ingress) key ↔ NLB (Service) key that sets the same thing. */
const EQUIVALENT: readonly (readonly [string, string])[] = [
  ['scheme', 'scheme'],
  ['subnets', 'subnets'],
  ['security-groups', 'security-groups'],
  ['manage-backend-security-group-rules', 'manage-backend-security-group-rules'],
  ['security-group-prefix-lists', 'security-group-prefix-lists'],
  ['ip-address-type', 'ip-address-type'],
  ['load-balancer-name', 'name'],
  ['load-balancer-attributes', 'attributes'],
  ['certificate-arn', 'ssl-cert'],
  ['ssl-policy', 'ssl-negotiation-policy'],
  ['minimum-load-balancer-capacity', 'minimum-load-balancer-capacity'],
];

function counterpart(key: string, kind: string): string | undefined {
  if (kind === 'Service' && key.startsWith(ALB)) {
    const hit = EQUIVALENT.find(([a]) => ALB + a === key);
    return hit ? SVC + hit[1] : undefined;
  }
  if (kind === 'Ingress' && key.startsWith(SVC)) {
    const hit = EQUIVALENT.find(([, s]) => SVC + s === key);
    return hit ? ALB + hit[0] : undefined;
  }
  return undefined;
}

/** Keys outside the AWS load balancer prefixes that we also check for placement (AWS-owned keys). */
const OTHER_AWS = /^(elbv2\.k8s\.aws|vpc\.amazonaws\.com|k8s\.amazonaws\.com|fargate\.amazonaws\.com)\//;

interface Payload {
  readonly span: Span;
  readonly key: string;
}

export const rule: ObjectRule = {
  id: 'annotation-wrong-object',
  title: 'Annotation placed on an object that does not read it',
  description: 'A known AWS annotation on a kind of object that its controller never reads: an ALB-only `alb.ingress.kubernetes.io/*` key on a Service, a `service.beta.kubernetes.io/aws-load-balancer-*` key on an Ingress, a Pod key on a Service, a label written as an annotation. The right key for that object is named where one exists.',
  remediation: 'Move the annotation to the object that reads it, or use the equivalent key for this object.',
  severity: 'warning',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: 'Each controller reads annotations only from the objects it reconciles. `alb.ingress.kubernetes.io/scheme` on a `type: LoadBalancer` Service does not make its NLB internet-facing (the Service key is `service.beta.kubernetes.io/aws-load-balancer-scheme`), and `service.beta.kubernetes.io/aws-load-balancer-*` keys on an Ingress do nothing. Nothing reports the mistake; the load balancer simply keeps its defaults. (Target-group keys such as `alb.ingress.kubernetes.io/healthcheck-path` are valid on a Service: they configure the ALB target group of that backend.)',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  },
  check({ obj, report }) {
    const own = ownAnnotations(obj);
    for (const e of checkedEntries(obj)) {
      const spec = e.spec;
      if (!spec || e.templated) continue;
      if (!KNOWN_PREFIXES.some((p) => e.key.startsWith(p)) && !OTHER_AWS.test(e.key)) continue;
      if (spec.metaKind === 'label') {
        if (spec.kinds.includes(e.kind as AnnotatedKind)) {
          report({ span: e.keySpan, message: `"${e.key}" is read as a label, not an annotation: as an annotation it has no effect. Move it to ${e.owner === 'podTemplate' ? 'the pod template\'s' : 'the object\'s'} metadata.labels.` });
        }
        continue;
      }
      if (spec.kinds.includes(e.kind as AnnotatedKind)) continue;
      const where = e.owner === 'podTemplate' ? 'a pod template' : `${/^[AEIOU]/.test(e.kind) ? 'an' : 'a'} ${e.kind}`;
      const other = counterpart(e.key, e.kind);
      const otherSpec = other ? specFor(other) : undefined;
      const alreadySet = other ? own.has(other) : false;
      const readers = spec.kinds.map((k) => (k === 'Pod' ? 'Pods (pod templates)' : k.endsWith('s') ? `${k}es` : `${k}s`)).join(' and ');
      const instead = other && otherSpec ? (alreadySet ? ` "${other}" is already set here, so remove this key.` : ` On ${where} the same setting is "${other}".`) : ` Move it to the ${spec.kinds.join(' or ')} it belongs to, or remove it.`;
      report({
        span: e.keySpan,
        message: `"${e.key}" is only read on ${readers}; on ${where} it has no effect.${instead}`,
        ...(other && otherSpec && !alreadySet && e.owner === 'object' ? { data: { span: e.keySpan, key: other } satisfies Payload } : {}),
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span || !p.key) return [];
    return [ctx.fix(`Use ${p.key} instead`, [ctx.edit(p.span, p.key)], true)];
  },
};
