import type { ObjectRule } from './types';
import { reportValueProblems, valueFix } from './support/valueRules';

export const rule: ObjectRule = {
  id: 'annotation-invalid-string-map',
  title: "Annotation value is not a valid key=value map",
  description: "String-map annotations (`tags`, `load-balancer-attributes`, `target-group-attributes`, `additional-resource-tags`, \u2026) are comma-separated `key=value` items. An item without `=` (often `key:value`), an empty key, or a key outside a closed set (`CapacityUnits`) makes the controller fail.",
  remediation: "Write the items as key=value (escape commas inside a value as `\\\\,`).",
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: "The controller splits the value on commas and each item on its first `=`. An item such as `Team:payments` has no `=`, so the whole annotation fails with \"failed to parse stringMap annotation\" and the Ingress or Service is not reconciled; the target groups or tags it describes are never created.",
    bad: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/tags: Team:payments,Env:prod\nspec:\n  ingressClassName: alb\n",
    good: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/tags: Team=payments,Env=prod\nspec:\n  ingressClassName: alb\n",
  },
  check(ctx) {
    reportValueProblems(ctx, 'map');
  },
  fix: valueFix,
};
