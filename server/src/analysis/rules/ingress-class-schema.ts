import { schemaRule } from '../schema/objectSchemaRule';

export const rule = schemaRule({
  id: 'ingress-class-schema',
  title: 'IngressClass structure',
  description: 'Checks a `networking.k8s.io/v1` IngressClass against its schema: `spec.controller` is required and has the form `domain/path`, `parameters` needs `kind` and `name`, and `scope: Namespace` needs a `namespace` (which `Cluster` scope does not allow).',
  remediation: 'Fix the field named in the message; for the AWS Load Balancer Controller use `controller: ingress.k8s.aws/alb`.',
  kinds: ['IngressClass'],
  docs: {
    why: 'The API server rejects an IngressClass with a malformed controller or parameters reference; with strict field validation it also rejects unknown fields, and without it a misspelled `parameters` is dropped so the class silently loses its IngressClassParams.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb\nspec:\n  controler: ingress.k8s.aws/alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb\nspec:\n  controller: ingress.k8s.aws/alb\n',
  },
});
