import { schemaRule } from '../schema/objectSchemaRule';

export const rule = schemaRule({
  id: 'security-group-policy-schema',
  title: 'SecurityGroupPolicy structure',
  description: 'Checks a `vpcresources.k8s.aws/v1beta1` SecurityGroupPolicy against its schema: unknown fields, at least one of `podSelector` / `serviceAccountSelector`, and `securityGroups.groupIds` (1-16 security group IDs, `sg-` followed by 8 or 17 lowercase hex digits).',
  remediation: 'Fix the field named in the message: use security group IDs (not names), and give the policy a `podSelector` or a `serviceAccountSelector`.',
  kinds: ['SecurityGroupPolicy'],
  docs: {
    why: 'The CRD drops unknown fields, so a misspelled selector silently disappears; a policy without any selector, or with group names instead of `sg-` IDs, is ignored by the VPC resource controller or fails when the branch ENI is created, and the pods keep the node\'s security groups.',
    bad: 'apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: db-access\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: orders\n  securityGroups:\n    groupIds:\n      - my-db-sg\n',
    good: 'apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: db-access\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: orders\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0\n',
  },
});
