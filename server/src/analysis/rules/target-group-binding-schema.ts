import { schemaRule } from '../schema/objectSchemaRule';

export const rule = schemaRule({
  id: 'target-group-binding-schema',
  title: 'TargetGroupBinding structure',
  description: 'Checks an `elbv2.k8s.aws` TargetGroupBinding (v1beta1 or v1alpha1) against its schema: unknown fields, `serviceRef` with `name` and `port`, a target group ARN or name, the `targetType`, `targetGroupProtocol` and `ipAddressType` values, and the combinations the controller\'s webhook refuses (`nodeSelector` with `ip` targets, fields v1alpha1 does not have).',
  remediation: 'Fix the field named in the message; a quick fix corrects a misspelled field or a value written in the wrong case.',
  kinds: ['TargetGroupBinding'],
  docs: {
    why: 'The CRD drops unknown fields and the controller\'s webhook rejects invalid combinations, so a typo either disappears silently (the binding then registers the wrong targets or none) or the apply fails.',
    bad: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: TargetGroupBinding\nmetadata:\n  name: web\nspec:\n  serviceRef:\n    name: web\n    port: 80\n  targetGroupARN: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/0123456789abcdef\n  targetType: IP\n',
    good: 'apiVersion: elbv2.k8s.aws/v1beta1\nkind: TargetGroupBinding\nmetadata:\n  name: web\nspec:\n  serviceRef:\n    name: web\n    port: 80\n  targetGroupARN: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/0123456789abcdef\n  targetType: ip\n',
  },
});
