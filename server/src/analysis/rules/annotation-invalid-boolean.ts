import type { ObjectRule } from './types';
import { reportValueProblems, valueFix } from './support/valueRules';

export const rule: ObjectRule = {
  id: 'annotation-invalid-boolean',
  title: "Annotation value is not a boolean",
  description: "Boolean annotations are parsed with Go's `strconv.ParseBool`, which accepts only `true`/`false` (and `1`/`0`, `t`/`f`, `TRUE`/`FALSE`, `True`/`False`). Values such as `yes`, `on` or `enabled` make the controller fail to reconcile the object. Entries of attribute maps that must be `true`/`false` are checked too.",
  remediation: "Write \"true\" or \"false\".",
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: "The AWS Load Balancer Controller reads boolean annotations with Go's `strconv.ParseBool`. Anything else, including the YAML-style `yes`/`on`, ends reconciliation with \"failed to parse bool annotation\": the load balancer is not created or updated until the value is fixed. Attribute maps such as `load-balancer-attributes` are passed to AWS, which only accepts `true`/`false` for its boolean attributes.",
    bad: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/shield-advanced-protection: \"yes\"\nspec:\n  ingressClassName: alb\n",
    good: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/shield-advanced-protection: \"true\"\nspec:\n  ingressClassName: alb\n",
  },
  check(ctx) {
    reportValueProblems(ctx, 'boolean');
  },
  fix: valueFix,
};
