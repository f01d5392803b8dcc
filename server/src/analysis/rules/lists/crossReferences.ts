/** Rules: References across objects of the workspace: selectors, backends, IngressGroups, classes. */
import type { Rule } from '../types';

export const CROSS_REFERENCE_RULES: readonly Rule[] = [];
