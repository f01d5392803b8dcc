/** Rules: AWS Load Balancer Controller and in-tree provider annotations (catalogue-driven). */
import type { Rule } from '../types';
import { rule as annotationInvalidBoolean } from '../annotation-invalid-boolean';
import { rule as annotationInvalidInteger } from '../annotation-invalid-integer';
import { rule as annotationOutOfRange } from '../annotation-out-of-range';
import { rule as annotationInvalidEnum } from '../annotation-invalid-enum';
import { rule as annotationInvalidFormat } from '../annotation-invalid-format';
import { rule as annotationInvalidStringMap } from '../annotation-invalid-string-map';
import { rule as annotationUnknownKey } from '../annotation-unknown-key';
import { rule as annotationWrongObject } from '../annotation-wrong-object';

export const ANNOTATION_RULES: readonly Rule[] = [
  annotationInvalidBoolean,
  annotationInvalidInteger,
  annotationOutOfRange,
  annotationInvalidEnum,
  annotationInvalidFormat,
  annotationInvalidStringMap,
  annotationUnknownKey,
  annotationWrongObject,
];
