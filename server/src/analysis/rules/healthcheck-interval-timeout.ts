import { parseGoInt } from '../catalog/parseValue';
import { ownAnnotations } from './support/annotations';
import type { ObjectRule } from './types';

const ALB = 'alb.ingress.kubernetes.io/';
const SVC = 'service.beta.kubernetes.io/aws-load-balancer-';
/** [interval key, timeout key, whether equal values are rejected too]. */
const PAIRS: readonly (readonly [string, string, boolean])[] = [
  [`${ALB}healthcheck-interval-seconds`, `${ALB}healthcheck-timeout-seconds`, true],
  [`${ALB}frontend-nlb-healthcheck-interval-seconds`, `${ALB}frontend-nlb-healthcheck-timeout-seconds`, false],
  [`${SVC}healthcheck-interval`, `${SVC}healthcheck-timeout`, false],
];

export const rule: ObjectRule = {
  id: 'healthcheck-interval-timeout',
  title: 'Health-check timeout is not shorter than the interval',
  description: 'When both the health-check interval and timeout are set on one object, the timeout must be smaller than the interval (for ALB target groups strictly smaller; for NLB target groups it may not exceed it).',
  remediation: 'Lower the timeout (e.g. to interval − 1) or raise the interval.',
  severity: 'error',
  kinds: ['Ingress', 'Service'],
  scope: 'object',
  docs: {
    why: 'AWS validates the pair when the controller creates or modifies the target group and answers "Health check interval must be greater than the timeout"; the change is not applied and the Ingress or Service keeps failing to reconcile.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "10"\n    alb.ingress.kubernetes.io/healthcheck-timeout-seconds: "10"\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "10"\n    alb.ingress.kubernetes.io/healthcheck-timeout-seconds: "5"\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    const own = ownAnnotations(obj);
    for (const [ik, tk, strict] of PAIRS) {
      const i = own.get(ik);
      const t = own.get(tk);
      if (!i || !t || i.templated || t.templated || !t.valueSpan || i.value === undefined || t.value === undefined) continue;
      const iv = parseGoInt(i.value);
      const tv = parseGoInt(t.value);
      if (iv === undefined || tv === undefined) continue;
      if (tv > iv || (strict && tv === iv)) {
        report({
          span: { start: t.valueSpan.start, end: t.valueSpan.start + (t.scalar ? obj.chunk.text.slice(t.valueSpan.start, t.valueSpan.end).trimEnd().length : 0) },
          message: `The health-check timeout "${tk}" (${tv} s) must be ${strict ? 'smaller than' : 'at most'} the interval "${ik}" (${iv} s); AWS rejects the target group with "Health check interval must be greater than the timeout". Use a timeout of ${Math.max(2, iv - 1)} s or less, or a longer interval.`,
          related: [{ obj, span: i.keySpan, message: `interval: ${iv} s` }],
        });
      }
    }
  },
};
