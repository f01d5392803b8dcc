/**
 * The explicit lists of editor-feature providers, assembled from one module per area
 * (features/areas/*.ts). The language service asks each provider in turn and merges their
 * answers (completion, definition, references, lenses) or takes the first (hover).
 */
import type { AreaProviders, CodeLensProvider, CompletionProvider, DefinitionProvider, HoverProvider, ReferencesProvider } from './types';
import { ruleFindingHover } from './hoverRuleDocs';
import { providers as annotations } from './areas/annotations';
import { providers as crossReferences } from './areas/crossReferences';
import { providers as networkPolicy } from './areas/networkPolicy';

const AREAS: readonly AreaProviders[] = [
  { hover: [ruleFindingHover], completion: [], definition: [], references: [], codeLens: [] },
  annotations,
  crossReferences,
  networkPolicy,
];

export const HOVER_PROVIDERS: readonly HoverProvider[] = AREAS.flatMap((a) => a.hover);
export const COMPLETION_PROVIDERS: readonly CompletionProvider[] = AREAS.flatMap((a) => a.completion);
export const DEFINITION_PROVIDERS: readonly DefinitionProvider[] = AREAS.flatMap((a) => a.definition);
export const REFERENCES_PROVIDERS: readonly ReferencesProvider[] = AREAS.flatMap((a) => a.references);
export const CODE_LENS_PROVIDERS: readonly CodeLensProvider[] = AREAS.flatMap((a) => a.codeLens);
