/** Editor-feature providers: AWS Load Balancer Controller and in-tree provider annotations (catalogue-driven). */
import type { AreaProviders } from '../types';

export const providers: AreaProviders = { hover: [], completion: [], definition: [], references: [], codeLens: [] };
