/** Rules: NetworkPolicy and pod security groups (SecurityGroupPolicy, ENIConfig, pod annotations). */
import type { Rule } from '../types';
import { rule as networkPolicySchema } from '../network-policy-schema';
import { rule as networkPolicySelectsNothing } from '../network-policy-selects-nothing';
import { rule as networkPolicyPeerNamespace } from '../network-policy-peer-namespace';
import { rule as networkPolicyPeerSelectsNothing } from '../network-policy-peer-selects-nothing';
import { rule as networkPolicyNamespaceNameLabel } from '../network-policy-namespace-name-label';
import { rule as networkPolicyTypesMismatch } from '../network-policy-types-mismatch';
import { rule as networkPolicyIpBlock } from '../network-policy-ip-block';
import { rule as networkPolicyPort } from '../network-policy-port';
import { rule as networkPolicyNoDnsEgress } from '../network-policy-no-dns-egress';
import { rule as securityGroupPolicySchema } from '../security-group-policy-schema';
import { rule as securityGroupPolicySelectsNothing } from '../security-group-policy-selects-nothing';
import { rule as securityGroupPolicyHostNetwork } from '../security-group-policy-host-network';
import { rule as podSecurityGroupIdsAnnotation } from '../pod-security-group-ids-annotation';
import { rule as podEniAnnotation } from '../pod-eni-annotation';
import { rule as eniconfigSchema } from '../eniconfig-schema';
import { rule as targetGroupBindingSchema } from '../target-group-binding-schema';
import { rule as ingressClassParamsSchema } from '../ingress-class-params-schema';
import { rule as ingressClassSchema } from '../ingress-class-schema';

export const NETWORK_POLICY_RULES: readonly Rule[] = [
  networkPolicySchema,
  networkPolicySelectsNothing,
  networkPolicyPeerNamespace,
  networkPolicyPeerSelectsNothing,
  networkPolicyNamespaceNameLabel,
  networkPolicyTypesMismatch,
  networkPolicyIpBlock,
  networkPolicyPort,
  networkPolicyNoDnsEgress,
  securityGroupPolicySchema,
  securityGroupPolicySelectsNothing,
  securityGroupPolicyHostNetwork,
  podSecurityGroupIdsAnnotation,
  podEniAnnotation,
  eniconfigSchema,
  targetGroupBindingSchema,
  ingressClassParamsSchema,
  ingressClassSchema,
];
