/**
 * The one explicit list of rules, assembled from one list per area (rules/lists/*.ts). Adding a
 * rule: create `rules/<id>.ts` exporting `rule`, add it to its area's list, add fixtures under
 * test/fixtures/rules/<id>/, and run `npm run docs` (see ARCHITECTURE.md).
 */
import type { Rule } from './types';
import { FOUNDATION_RULES } from './lists/foundation';
import { ANNOTATION_RULES } from './lists/annotations';
import { CROSS_REFERENCE_RULES } from './lists/crossReferences';
import { NETWORK_POLICY_RULES } from './lists/networkPolicy';

export const ALL_RULES: readonly Rule[] = [...FOUNDATION_RULES, ...ANNOTATION_RULES, ...CROSS_REFERENCE_RULES, ...NETWORK_POLICY_RULES];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
