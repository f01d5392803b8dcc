/** The public surface of the analysis core. Front ends import from here only. */
export { LanguageService } from './languageService';
export type { Finding, Fix, Severity, SeverityOrOff, Span, TextEdit, RelatedLocation } from './model/types';
export { DEFAULT_SETTINGS, mergeSettings } from './engine/settings';
export type { Settings, SettingsInput } from './engine/settings';
export type { Logger } from './engine/analyze';
export { ALL_RULES, RULES_BY_ID } from './rules/registry';
export type { Rule } from './rules/types';
export { LineIndex } from './text/lineIndex';
export type { TextChange } from './workspace/resplit';
export type { Position } from './text/lineIndex';
export type { CompletionEntry, HoverResult, LensResult, SymbolResult, TargetLocation } from './features/types';
export { globToRegExp, isExcluded } from './engine/glob';
export { DOCS_BASE_URL, ruleDocsUrl } from './rules/docsUrl';
export { ALL_ANNOTATIONS } from './catalog/data';
export type { AnnotationSpec } from './catalog/types';
export { renderAnnotationMarkdown } from './features/annotations/markdown';
export type { RenderOptions as AnnotationRenderOptions } from './features/annotations/markdown';
