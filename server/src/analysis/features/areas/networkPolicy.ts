/** Editor-feature providers: NetworkPolicy and pod security groups (SecurityGroupPolicy, ENIConfig, pod annotations). */
import type { AreaProviders } from '../types';

export const providers: AreaProviders = { hover: [], completion: [], definition: [], references: [], codeLens: [] };
