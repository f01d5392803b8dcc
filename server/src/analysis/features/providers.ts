/**
 * The explicit lists of editor-feature providers. Feature work adds providers here; the
 * language service asks each in turn and merges (completion, definition, references, lenses)
 * or takes the first answer (hover).
 */
import type { CodeLensProvider, CompletionProvider, DefinitionProvider, HoverProvider, ReferencesProvider } from './types';
import { ruleFindingHover } from './hoverRuleDocs';

export const HOVER_PROVIDERS: readonly HoverProvider[] = [ruleFindingHover];
export const COMPLETION_PROVIDERS: readonly CompletionProvider[] = [];
export const DEFINITION_PROVIDERS: readonly DefinitionProvider[] = [];
export const REFERENCES_PROVIDERS: readonly ReferencesProvider[] = [];
export const CODE_LENS_PROVIDERS: readonly CodeLensProvider[] = [];
