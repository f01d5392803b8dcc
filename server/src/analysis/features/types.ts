/** Plain-data results of the editor features, in absolute offsets of the file. */
import type { Span } from '../model/types';
import type { FileModel } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Location } from './locate';
import type { TextContext } from './textContext';

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value' | 'snippet' | 'reference' | 'enum';
  readonly detail?: string;
  readonly documentation?: string;
  /** Text inserted over `replace`; a snippet (with $1 tab stops) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet?: boolean;
  readonly replace: Span;
  readonly sortText?: string;
  readonly filterText?: string;
  readonly deprecated?: boolean;
}

export interface TargetLocation {
  readonly uri: string;
  readonly span: Span;
}

export interface LensResult {
  readonly span: Span;
  readonly title: string;
  /** Locations the lens points at (shown as a peek when clicked). */
  readonly targets?: readonly TargetLocation[];
}

export interface SymbolResult {
  readonly name: string;
  readonly detail: string;
  readonly kind: string;
  readonly span: Span;
  readonly selection: Span;
}

/** What every position-based provider receives. */
export interface PositionContext {
  readonly index: WorkspaceIndex;
  readonly file: FileModel;
  readonly offset: number;
  /** The AST under the position (undefined outside any Kubernetes object). */
  readonly loc: Location | undefined;
  /** The text-based context (works on half-typed lines). */
  readonly text: TextContext;
}

export type HoverProvider = (ctx: PositionContext) => HoverResult | undefined;
export type CompletionProvider = (ctx: PositionContext) => readonly CompletionEntry[];
export type DefinitionProvider = (ctx: PositionContext) => readonly TargetLocation[];
export type ReferencesProvider = (ctx: PositionContext) => readonly TargetLocation[];
export type CodeLensProvider = (file: FileModel, index: WorkspaceIndex) => readonly LensResult[];

/** The providers one area of the product contributes (features/areas/*.ts). */
export interface AreaProviders {
  readonly hover: readonly HoverProvider[];
  readonly completion: readonly CompletionProvider[];
  readonly definition: readonly DefinitionProvider[];
  readonly references: readonly ReferencesProvider[];
  readonly codeLens: readonly CodeLensProvider[];
}
