/**
 * Text edits for cross-reference quick fixes: add an annotation to an object, set a Service's
 * type. Offsets are chunk-relative (like rule spans); callers turn them into file offsets.
 */
import { isMap } from 'yaml';
import type { Span } from '../model/types';
import type { KObject } from '../workspace/fileModel';
import { asMap, getPair, pairs, spanOf } from '../yaml/nodes';

export interface ChunkEdit {
  readonly span: Span;
  readonly newText: string;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** End of the last non-blank line at or before `offset`. */
function endOfContent(text: string, offset: number): number {
  let p = Math.min(offset, text.length);
  while (p > 0 && /\s/.test(text[p - 1] as string)) p--;
  const eol = text.indexOf('\n', p);
  return eol < 0 ? text.length : eol;
}

function isBlock(text: string, node: unknown): boolean {
  const s = spanOf(node);
  return !!s && isMap(node) && text[s.start] !== '{';
}

/** Adds `key: value` under `metadata.annotations` (creating the map when needed). */
export function addAnnotation(obj: KObject, key: string, value: string): ChunkEdit | undefined {
  const text = obj.chunk.text;
  const { root, anchors } = obj.model;
  const metadata = asMap(getPair(root, 'metadata')?.value, anchors);
  if (!metadata || !isBlock(text, metadata)) return undefined;
  const annPair = getPair(metadata, 'annotations');
  const ann = asMap(annPair?.value, anchors);
  const entry = `${key}: ${scalarLike('', value)}`;
  if (ann && isBlock(text, ann)) {
    const items = pairs(ann);
    const last = items[items.length - 1];
    const first = spanOf(items[0]?.key);
    const lastEnd = spanOf(last?.value)?.end ?? spanOf(last?.key)?.end;
    if (!first || lastEnd === undefined) return undefined;
    const at = endOfContent(text, lastEnd);
    return { span: { start: at, end: at }, newText: `\n${' '.repeat(columnOf(text, first.start))}${entry}` };
  }
  if (annPair) return undefined; // `annotations: {}` or an alias: leave it to the user
  const items = pairs(metadata);
  const first = spanOf(items[0]?.key);
  const last = items[items.length - 1];
  const lastEnd = spanOf(last?.value)?.end ?? spanOf(last?.key)?.end;
  if (!first || lastEnd === undefined) return undefined;
  const indent = ' '.repeat(columnOf(text, first.start));
  const at = endOfContent(text, lastEnd);
  return { span: { start: at, end: at }, newText: `\n${indent}annotations:\n${indent}  ${entry}` };
}

/** Sets a Service's `spec.type` (replacing it, or adding it as the first key of `spec`). */
export function setServiceType(obj: KObject, type: string): ChunkEdit | undefined {
  const text = obj.chunk.text;
  const { root, anchors } = obj.model;
  const spec = asMap(getPair(root, 'spec')?.value, anchors);
  if (!spec || !isBlock(text, spec)) return undefined;
  const typeValue = spanOf(getPair(spec, 'type')?.value);
  if (typeValue) return { span: typeValue, newText: type };
  const first = spanOf(pairs(spec)[0]?.key);
  if (!first) return undefined;
  return { span: { start: first.start, end: first.start }, newText: `type: ${type}\n${' '.repeat(columnOf(text, first.start))}` };
}

/** The value a scalar's text stands for (quotes removed), to check an edit replaces what it means to. */
export function unquote(text: string): string {
  if (text.length >= 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))) return text.slice(1, -1);
  return text;
}

/** A replacement scalar in the style of the one it replaces (quoted when it was, or when it must be). */
export function scalarLike(original: string, value: string): string {
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (original.startsWith('"') || !/^[A-Za-z0-9_./-][A-Za-z0-9_./ -]*$/.test(value) || /^(true|false|yes|no|on|off|null|~|y|n|[-+.\d][\d._eE+-]*)$/i.test(value)) return JSON.stringify(value);
  return value;
}

/** Chunk-relative span of a map's first key (to point at a labels map in related locations). */
export function firstKeySpan(map: unknown): Span | undefined {
  const m = asMap(map);
  return m ? spanOf(pairs(m)[0]?.key) ?? spanOf(m) : undefined;
}
