import { schemaRule } from '../schema/objectSchemaRule';

export const rule = schemaRule({
  id: 'eniconfig-schema',
  title: 'ENIConfig structure',
  description: 'Checks a `crd.k8s.amazonaws.com/v1alpha1` ENIConfig (VPC CNI custom networking) against its schema: `spec.subnet` is required and must be a subnet ID, `spec.securityGroups` must hold security group IDs.',
  remediation: 'Write the subnet as `subnet-…` and the security groups as `sg-…` IDs (names and placeholders such as `<subnet-id>` are not resolved).',
  kinds: ['ENIConfig'],
  docs: {
    why: 'The VPC CNI uses the ENIConfig as written when it attaches secondary ENIs: a missing or malformed subnet ID, or a security group name instead of an ID, makes ENI creation fail and pods on the node stay without an IP address.',
    bad: 'apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata:\n  name: us-west-2a\nspec:\n  subnet: <subnet-id>\n  securityGroups:\n    - sg-0123456789abcdef0\n',
    good: 'apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata:\n  name: us-west-2a\nspec:\n  subnet: subnet-0123456789abcdef0\n  securityGroups:\n    - sg-0123456789abcdef0\n',
  },
});
