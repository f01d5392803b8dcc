/** Editor-feature providers: AWS Load Balancer Controller and in-tree provider annotations (catalogue-driven). */
import type { AreaProviders } from '../types';
import { annotationHover } from '../annotations/annotationHover';
import { annotationKeyCompletion } from '../annotations/keyCompletion';
import { serviceControllerHover } from '../annotations/serviceHover';
import { annotationValueCompletion } from '../annotations/valueCompletion';

export const providers: AreaProviders = {
  hover: [annotationHover, serviceControllerHover],
  completion: [annotationKeyCompletion, annotationValueCompletion],
  definition: [],
  references: [],
  codeLens: [],
};
