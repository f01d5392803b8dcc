/** Rules: NetworkPolicy and pod security groups (SecurityGroupPolicy, ENIConfig, pod annotations). */
import type { Rule } from '../types';
import { rule as networkPolicySchema } from '../network-policy-schema';
import { rule as securityGroupPolicySchema } from '../security-group-policy-schema';
import { rule as eniconfigSchema } from '../eniconfig-schema';
import { rule as targetGroupBindingSchema } from '../target-group-binding-schema';
import { rule as ingressClassParamsSchema } from '../ingress-class-params-schema';
import { rule as ingressClassSchema } from '../ingress-class-schema';

export const NETWORK_POLICY_RULES: readonly Rule[] = [
  networkPolicySchema,
  securityGroupPolicySchema,
  eniconfigSchema,
  targetGroupBindingSchema,
  ingressClassParamsSchema,
  ingressClassSchema,
];
