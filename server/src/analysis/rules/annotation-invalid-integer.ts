import type { ObjectRule } from './types';
import { reportValueProblems, valueFix } from './support/valueRules';

export const rule: ObjectRule = {
  id: 'annotation-invalid-integer',
  title: "Annotation value is not a whole number",
  description: "Integer annotations are parsed with Go's `strconv.ParseInt` (base 10): digits with an optional sign, no spaces, units or decimals. `\"15s\"` or `\" 15\"` make the controller fail; integer entries of attribute maps are checked too.",
  remediation: "Write the number with digits only, e.g. \"15\".",
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: "The controller parses integer annotations with `strconv.ParseInt(value, 10, 64)`. A unit (`15s`), a space or a decimal point makes it fail with \"failed to parse int64 annotation\", and the Ingress or Service is not reconciled until the value is fixed.",
    bad: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-interval-seconds: 30s\nspec:\n  ingressClassName: alb\n",
    good: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-interval-seconds: \"30\"\nspec:\n  ingressClassName: alb\n",
  },
  check(ctx) {
    reportValueProblems(ctx, 'integer');
  },
  fix: valueFix,
};
