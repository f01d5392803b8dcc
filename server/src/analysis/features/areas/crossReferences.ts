/** Editor-feature providers: References across objects of the workspace: selectors, backends, IngressGroups, classes. */
import type { AreaProviders } from '../types';

export const providers: AreaProviders = { hover: [], completion: [], definition: [], references: [], codeLens: [] };
