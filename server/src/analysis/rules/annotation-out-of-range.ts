import type { ObjectRule } from './types';
import { reportValueProblems, valueFix } from './support/valueRules';

export const rule: ObjectRule = {
  id: 'annotation-out-of-range',
  title: "Annotation value is out of range",
  description: "Numbers outside the range the controller or AWS accepts (health-check intervals, timeouts and thresholds, `group.order`, ports, attribute values) and names longer than allowed (`load-balancer-name`, `group.name`).",
  remediation: "Use a value inside the documented range.",
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: "Some ranges are checked by the controller (`group.order` between -1000 and 1000, names up to 32 characters), which then stops reconciling the object. Others are checked by AWS when the controller creates or modifies the target group or load balancer (health-check interval 5-300 s, timeout 2-120 s, thresholds 2-10, attribute ranges); the deployment fails with a validation error and the load balancer is left unchanged.",
    bad: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthy-threshold-count: \"1\"\nspec:\n  ingressClassName: alb\n",
    good: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthy-threshold-count: \"2\"\nspec:\n  ingressClassName: alb\n",
  },
  check(ctx) {
    reportValueProblems(ctx, 'range');
  },
  fix: valueFix,
};
