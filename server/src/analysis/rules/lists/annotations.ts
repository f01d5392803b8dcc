/** Rules: AWS Load Balancer Controller and in-tree provider annotations (catalogue-driven). */
import type { Rule } from '../types';

export const ANNOTATION_RULES: readonly Rule[] = [];
