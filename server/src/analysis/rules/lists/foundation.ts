/** Rules of the foundation: YAML syntax, file limits, value types every API server enforces. */
import type { Rule } from '../types';
import { rule as yamlSyntax } from '../yaml-syntax';
import { rule as fileTooLarge } from '../file-too-large';
import { rule as annotationValueNotString } from '../annotation-value-not-string';

export const FOUNDATION_RULES: readonly Rule[] = [yamlSyntax, fileTooLarge, annotationValueNotString];
