/**
 * What a rule is. A rule is one small file named by its stable id, registered in registry.ts.
 * `check` looks at one object (or one file) and may read the whole index, but reports only on
 * the object (or file) it was given. Fix builders turn a finding's `data` back into edits, so
 * code actions are recomputed from the request alone.
 */
import type { Fix, Severity, Span, TextEdit } from '../model/types';
import type { FileModel, KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface RuleDocs {
  /** Why it matters: what goes wrong at apply or reconcile time. Markdown. */
  readonly why: string;
  /** A manifest that triggers the rule. */
  readonly bad: string;
  /** The same manifest, fixed. */
  readonly good: string;
}

export interface RuleMeta {
  /** Stable kebab-case id; the file is named after it. Public contract: never rename. */
  readonly id: string;
  readonly title: string;
  /** What the rule checks, one or two sentences. */
  readonly description: string;
  /** How to fix a finding, one or two sentences. */
  readonly remediation: string;
  readonly severity: Severity;
  /** Object kinds the rule looks at; `'file'` rules look at whole files. */
  readonly kinds: readonly string[] | 'any';
  readonly docs: RuleDocs;
}

export interface RelatedInput {
  readonly obj: KObject;
  readonly span: Span;
  readonly message: string;
}

export interface ReportInput {
  /** Relative to the object's chunk (spans of the object's YAML nodes are). */
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedInput[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  /**
   * A lower severity than the rule's for this finding (e.g. `info` when the evidence is weak). A
   * severity set by the user for the rule still wins.
   */
  readonly severity?: Severity;
  /**
   * Handed back to `fix` (JSON-serialisable; spans inside stay chunk-relative). A function is called
   * each time the finding is reported, for data that holds offsets in other files: cached results
   * outlive edits that move those.
   */
  readonly data?: unknown;
}

export interface ObjectContext {
  readonly obj: KObject;
  readonly index: WorkspaceIndex;
  report(finding: ReportInput): void;
}

export interface FileContext {
  readonly file: FileModel;
  readonly index: WorkspaceIndex;
  readonly reportSyntax: boolean;
  /** Spans here are absolute offsets in the file. */
  report(finding: ReportInput): void;
}

export interface FixContext {
  readonly file: FileModel;
  /** Offset that turns the finding's chunk-relative spans into file offsets (0 for file rules). */
  readonly base: number;
  /** An edit at a chunk-relative span. */
  edit(span: Span, newText: string): TextEdit;
  /** A fix that edits this file only. */
  fix(title: string, edits: readonly TextEdit[], isPreferred?: boolean): Fix;
  /** Another file of the workspace, for fixes that edit a referenced object (undefined when unknown). */
  fileOf?(uri: string): FileModel | undefined;
}

export type FixBuilder = (data: unknown, ctx: FixContext) => Fix[];

export interface ObjectRule extends RuleMeta {
  /**
   * `object`: the result depends only on the object's own text (memoised per document).
   * `workspace`: the result depends on other objects too (re-run whenever the index changes).
   */
  readonly scope: 'object' | 'workspace';
  /**
   * For `workspace` rules: `namespace` declares that the result depends only on objects of the
   * checked object's own namespace and on cluster-scoped objects (and kustomizations). The engine
   * then re-runs the rule for an object only after such an object changed. Leave it out when the
   * rule looks into other namespaces (IngressGroups, NetworkPolicy peers in other namespaces).
   * `cluster`: the result depends on the object's own text and on cluster-wide data only (e.g.
   * whether kustomize treats its file as a patch); it is re-run only when those change.
   */
  readonly locality?: 'namespace' | 'cluster';
  /**
   * With a `locality`: what the rule also reads outside the object's namespace: kinds
   * (any change of an object of one of them, anywhere, re-runs it) and/or `'IngressGroup'` (the
   * members of the checked Ingress's group, in any namespace).
   */
  readonly reads?: readonly string[];
  check(ctx: ObjectContext): void;
  readonly fix?: FixBuilder;
}

export interface FileRule extends RuleMeta {
  readonly scope: 'file';
  checkFile(ctx: FileContext): void;
  readonly fix?: FixBuilder;
}

export type Rule = ObjectRule | FileRule;
