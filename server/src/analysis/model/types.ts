/** Plain data shared by every layer of the core. Offsets are UTF-16 code units into a file's text. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A quick fix: a titled set of edits, possibly in several files. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly { readonly uri: string; readonly edits: readonly TextEdit[] }[];
  readonly isPreferred?: boolean;
}

export interface RelatedLocation {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

/** A finding as the core reports it: absolute offsets in the file `uri`. */
export interface Finding {
  readonly uri: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedLocation[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  /** Rule-specific data, handed back to the rule's fix builder. JSON-serialisable. */
  readonly data?: unknown;
}
