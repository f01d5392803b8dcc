/**
 * Shared by the annotation rules: the annotations of an object as entries (key, value, spans, the
 * catalogue spec and the kind the key is read on), offsets inside a scalar's source, and YAML
 * edits (rename a key, replace a value, insert or delete an annotation line).
 */
import { isScalar, Scalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { specFor } from '../../catalog/lookup';
import type { AnnotatedKind, AnnotationSpec } from '../../catalog/types';
import { annotationMaps } from '../../kube/metadata';
import type { Span } from '../../model/types';
import type { KObject } from '../../workspace/fileModel';
import { deref, getIn, isTemplated, keyName, pairs, spanOf, YPair } from '../../yaml/nodes';

export const ANNOTATED_KINDS: ReadonlySet<string> = new Set(['Ingress', 'Service', 'Pod', 'Node', 'Namespace', 'TargetGroupBinding', 'IngressClass']);

export interface AnnotationEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly pair: YPair;
  readonly map: YAMLMap<unknown, unknown>;
  /** The kind the annotation is read on: the object's kind, or `Pod` for a pod template. */
  readonly kind: string;
  readonly owner: 'object' | 'podTemplate';
  /** The value scalar, when the value is a string scalar (other values are another rule's business). */
  readonly scalar: Scalar | undefined;
  readonly value: string | undefined;
  readonly valueSpan: Span | undefined;
  readonly templated: boolean;
  readonly spec: AnnotationSpec | undefined;
}

/** Annotation entries of an object and of its pod template. */
export function annotationEntries(obj: KObject): readonly AnnotationEntry[] {
  let entries = ENTRIES.get(obj);
  if (!entries) ENTRIES.set(obj, (entries = computeEntries(obj)));
  return entries;
}

/** Entries depend on the object's text only, and about twenty rules ask for them: kept per object. */
const ENTRIES = new WeakMap<KObject, readonly AnnotationEntry[]>();

function computeEntries(obj: KObject): AnnotationEntry[] {
  const out: AnnotationEntry[] = [];
  for (const m of annotationMaps(obj.model)) {
    const kind = m.owner === 'podTemplate' ? 'Pod' : obj.model.kind;
    for (const pair of pairs(m.map)) {
      const key = keyName(pair);
      const keySpan = spanOf(pair.key);
      if (key === undefined || key === '<<' || !keySpan) continue;
      const node = deref(pair.value, obj.model.anchors);
      const scalar = isScalar(node) && typeof node.value === 'string' ? node : undefined;
      const value = scalar ? (scalar.value as string) : undefined;
      out.push({
        key,
        keySpan,
        pair,
        map: m.map,
        kind,
        owner: m.owner,
        scalar,
        value,
        valueSpan: scalar ? spanOf(scalar) : undefined,
        templated: isTemplated(key) || (value !== undefined && (isTemplated(value) || isPlaceholder(value))),
        spec: specFor(key),
      });
    }
  }
  return out;
}

/** Entries whose kind the catalogue describes (a Deployment's own metadata is free-form). */
export function checkedEntries(obj: KObject): AnnotationEntry[] {
  return annotationEntries(obj).filter((e) => ANNOTATED_KINDS.has(e.kind));
}

/** Entries with a string value that the catalogue places on this kind: those whose value is checked. */
export function valueEntries(obj: KObject): (AnnotationEntry & { spec: AnnotationSpec; value: string; scalar: Scalar; valueSpan: Span })[] {
  return checkedEntries(obj).filter(
    (e): e is AnnotationEntry & { spec: AnnotationSpec; value: string; scalar: Scalar; valueSpan: Span } =>
      !!e.spec && e.spec.metaKind === 'annotation' && e.value !== undefined && !!e.scalar && !!e.valueSpan && !e.templated && e.spec.kinds.includes(e.kind as AnnotatedKind) && !e.spec.writtenBy,
  );
}

/** Own annotations (not the pod template's) as key → entry. */
export function ownAnnotations(obj: KObject): Map<string, AnnotationEntry> {
  const m = new Map<string, AnnotationEntry>();
  for (const e of annotationEntries(obj)) if (e.owner === 'object') m.set(e.key, e);
  return m;
}

/**
 * The source span of value offsets [start, end) of a scalar, when the scalar's source maps 1:1
 * onto its value (a single-line plain scalar, or a single-line quoted one without escapes);
 * otherwise the whole scalar.
 */
export function innerSpan(text: string, scalar: Scalar, start: number, end: number, fallback?: Span): Span {
  const s = spanOf(scalar) as Span;
  let srcEnd = s.end;
  while (srcEnd > s.start && /\s/.test(text[srcEnd - 1] as string)) srcEnd--;
  const src = text.slice(s.start, srcEnd);
  const value = String(scalar.value);
  if (src.includes('\n')) return fallback ?? { start: s.start, end: lineEnd(text, s.start) };
  let offset: number | undefined;
  if (scalar.type === 'PLAIN' && src === value) offset = s.start;
  else if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && src.slice(1, -1) === value) offset = s.start + 1;
  if (offset === undefined || start > end || end > value.length) return { start: s.start, end: srcEnd };
  if (start === end) return { start: offset + start, end: offset + Math.min(value.length, end + 1) };
  return { start: offset + start, end: offset + end };
}

const PLAIN_SAFE = /^[A-Za-z0-9_/][A-Za-z0-9_.\-/]*$/;
const YAML_SPECIAL = /^(y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9][0-9_.:eExXoObB+-]*|\.inf|\.nan)$/i;

/** A YAML scalar for a string, keeping the quoting style of `like` where possible. */
export function yamlString(value: string, like?: Scalar): string {
  const style = like?.type;
  if (style === 'QUOTE_SINGLE' || (value.includes('"') && !value.includes("'"))) return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if ((PLAIN_SAFE.test(value) || (style === 'PLAIN' && plainOk(value))) && !YAML_SPECIAL.test(value)) return value;
  return JSON.stringify(value);
}

function plainOk(v: string): boolean {
  return v.length > 0 && v === v.trim() && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(v) && !/: |\s#|:$|[\n\t]/.test(v);
}

/** Start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of the line holding `offset` (the index of its `\n`, or the text length). */
export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** The column of a block-map key, when the key starts its line after indentation only (a block map). */
export function blockIndent(text: string, keySpan: Span): string | undefined {
  const ls = lineStart(text, keySpan.start);
  const before = text.slice(ls, keySpan.start);
  return /^[ ]*$/.test(before) ? before : undefined;
}

/** The end of a pair's last line (so a new line can be inserted after it). */
export function pairLineEnd(text: string, pair: YPair): number | undefined {
  const v = spanOf(pair.value) ?? spanOf(pair.key);
  if (!v) return undefined;
  let end = v.end;
  while (end > v.start && /\s/.test(text[end - 1] as string)) end--;
  return lineEnd(text, Math.max(end - 1, v.start));
}

/** An edit span and text inserting `key: value` as a new line after the pair, in a block map. */
export function insertAfter(text: string, after: AnnotationEntry | { keySpan: Span; pair: YPair }, key: string, value: string): { span: Span; text: string } | undefined {
  const indent = blockIndent(text, after.keySpan);
  const at = pairLineEnd(text, after.pair);
  if (indent === undefined || at === undefined) return undefined;
  return { span: { start: at, end: at }, text: `\n${indent}${key}: ${JSON.stringify(value)}` };
}

/** An edit span deleting the lines of a pair in a block map (nothing else on those lines). */
export function deletePair(text: string, e: { keySpan: Span; pair: YPair }): Span | undefined {
  if (blockIndent(text, e.keySpan) === undefined) return undefined;
  const end = pairLineEnd(text, e.pair);
  if (end === undefined) return undefined;
  const start = lineStart(text, e.keySpan.start);
  return { start, end: Math.min(text.length, end + 1) };
}

/**
 * The span that removes an annotation: its line, and the `annotations:` line above it too when it
 * is the map's only entry (rather than leaving an empty `annotations:` behind).
 */
export function removeAnnotation(text: string, e: { keySpan: Span; pair: YPair; map: YAMLMap<unknown, unknown> }): Span | undefined {
  const del = deletePair(text, e);
  if (!del || e.map.items.length !== 1 || e.map.flow) return del;
  // The line above (blank lines and comments skipped) must be the `annotations:` key alone.
  let end = del.start;
  for (;;) {
    const start = lineStart(text, Math.max(0, end - 1));
    if (start === end) return del; // first line of the text
    const line = text.slice(start, end).replace(/\r?\n$/, '');
    if (/^\s*annotations:\s*(#.*)?$/.test(line)) return { start, end: del.end };
    if (!/^\s*(#.*)?$/.test(line)) return del;
    end = start;
  }
}

/** `spec.<field>` scalar string of the object, if any. */
export function specString(obj: KObject, path: readonly string[]): string | undefined {
  const n = getIn(obj.model.root, path, obj.model.anchors);
  return isScalar(n) && n.value !== null && n.value !== undefined ? String(n.value) : undefined;
}

/** Replaces the value of an entry: the payload of value fixes. */
export interface ValueFixPayload {
  readonly span: Span;
  readonly text: string;
  readonly title: string;
}

/** A fix payload writing `newValue` in place of the entry's value scalar. */
export function replaceValue(e: { scalar: Scalar; valueSpan: Span }, newValue: string, title: string): ValueFixPayload {
  return { span: e.valueSpan, text: yamlString(newValue, e.scalar), title };
}

/** A span on one line: the span itself, or `fallback` (the key) when it crosses a line break. */
export function oneLine(text: string, span: Span, fallback: Span): Span {
  return text.slice(span.start, span.end).includes('\n') ? fallback : span;
}

/**
 * Documentation placeholders (`<account-id>`, `XXXXXXXX`, `xxxx`) stand for a value the reader
 * fills in; like templates, they are not validated.
 */
export function isPlaceholder(value: string): boolean {
  return /<[A-Za-z][^<>]*>/.test(value) || /(?:^|[^A-Za-z])(?:x{4,}|X{4,})/.test(value) || /[0-9]X{3,}/.test(value);
}
