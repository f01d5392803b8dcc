import type { ObjectRule } from './types';
import { reportValueProblems, valueFix } from './support/valueRules';

export const rule: ObjectRule = {
  id: 'annotation-invalid-format',
  title: "Annotation value has the wrong format",
  description: "Values with a fixed format: ACM/IAM certificate ARNs, WAFv2 web ACL ARNs and WAF Classic ids, security group and subnet ids, CIDR blocks, Elastic IP allocation ids, prefix list ids, health-check paths and ports, success codes, load balancer and group names.",
  remediation: "Write the value in the documented format (for example a full `arn:aws:acm:\u2026:certificate/\u2026` ARN, `subnet-\u2026` ids or `10.0.0.0/16` CIDRs).",
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: "The controller looks these values up in AWS or passes them on unchanged; a malformed certificate ARN, a `subnet-`/`sg-` id with a typo or an invalid CIDR makes the reconcile or the AWS call fail (\"couldn't find all subnets\", \"Certificate ARN \u2026 is not valid\", \"invalid CIDR\"), and the load balancer is not created or updated. Items that are not ids are treated as Name tags, so only id-like items are checked strictly.",
    bad: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/inbound-cidrs: 10.0.0.0/33\nspec:\n  ingressClassName: alb\n",
    good: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/inbound-cidrs: 10.0.0.0/16\nspec:\n  ingressClassName: alb\n",
  },
  check(ctx) {
    reportValueProblems(ctx, 'format');
  },
  fix: valueFix,
};
