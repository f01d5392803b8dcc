import { schemaRule } from '../schema/objectSchemaRule';

export const rule = schemaRule({
  id: 'ingress-class-params-schema',
  title: 'IngressClassParams structure',
  description: 'Checks an `elbv2.k8s.aws/v1beta1` IngressClassParams against its schema: unknown fields, `scheme`, `ipAddressType`, `group.name`, subnets given by `ids` or by `tags` (not both), listener and attribute entries. The `eks.amazonaws.com` IngressClassParams of EKS Auto Mode is a different resource and is not checked.',
  remediation: 'Fix the field named in the message; a quick fix corrects a misspelled field or a value written in the wrong case.',
  kinds: ['IngressClassParams'],
  docs: {
    why: 'The CRD drops unknown fields, so a misspelled `scheme` or `subnets` is silently ignored and every Ingress of the class gets the controller\'s defaults (an internal load balancer, auto-discovered subnets) instead of what was written.',
    bad: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: IngressClassParams\nmetadata:\n  name: public\nspec:\n  schema: internet-facing\n',
    good: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: IngressClassParams\nmetadata:\n  name: public\nspec:\n  scheme: internet-facing\n',
  },
});
