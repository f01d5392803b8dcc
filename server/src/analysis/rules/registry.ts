/**
 * The one explicit list of rules. Adding a rule: create `rules/<id>.ts` exporting `rule`, add it
 * here, add fixtures under test/fixtures/rules/<id>/, and run `npm run docs` (see ARCHITECTURE.md).
 */
import type { Rule } from './types';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as fileTooLarge } from './file-too-large';
import { rule as annotationValueNotString } from './annotation-value-not-string';

export const ALL_RULES: readonly Rule[] = [
  yamlSyntax,
  fileTooLarge,
  annotationValueNotString,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
