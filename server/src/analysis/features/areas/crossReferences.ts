/** Editor-feature providers: References across objects of the workspace: selectors, backends, IngressGroups, classes. */
import type { AreaProviders } from '../types';
import { xrefCodeLens, xrefCompletion, xrefDefinition, xrefHover, xrefReferences } from '../xref/providers';

export const providers: AreaProviders = {
  hover: [xrefHover],
  completion: [xrefCompletion],
  definition: [xrefDefinition],
  references: [xrefReferences],
  codeLens: [xrefCodeLens],
};
