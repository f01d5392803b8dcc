/** Rules: NetworkPolicy and pod security groups (SecurityGroupPolicy, ENIConfig, pod annotations). */
import type { Rule } from '../types';

export const NETWORK_POLICY_RULES: readonly Rule[] = [];
