import type { ObjectRule } from './types';
import { reportValueProblems, valueFix } from './support/valueRules';

export const rule: ObjectRule = {
  id: 'annotation-invalid-enum',
  title: "Annotation value is not one of the allowed values",
  description: "Enum-like annotations (`scheme`, `target-type`, `ip-address-type`, `backend-protocol`, `aws-load-balancer-type`, `nlb-target-type`, \u2026) and enum entries of attribute maps are compared case-sensitively against the values the controller knows; the nearest valid value is suggested.",
  remediation: "Use one of the allowed values, spelled exactly as documented.",
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: "The AWS Load Balancer Controller compares these values case-sensitively: `internet_facing`, `public`, `IP` or `pod` end reconciliation with errors such as \"unknown scheme\" or \"unknown targetType\". For `aws-load-balancer-type`, an unknown value silently gives you a Classic Load Balancer from the in-tree provider instead of an NLB.",
    bad: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet_facing\nspec:\n  ingressClassName: alb\n",
    good: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: alb\n",
  },
  check(ctx) {
    reportValueProblems(ctx, 'enum');
  },
  fix: valueFix,
};
