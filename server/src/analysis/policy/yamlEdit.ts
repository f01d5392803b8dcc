/**
 * Text edits that add to YAML collections while keeping the author's layout: a new item at the
 * end of a block or flow sequence, a new entry at the end of a block mapping. Spans are relative
 * to the chunk the nodes come from. Returns undefined where the layout is not one we can extend
 * safely (a flow mapping, a collection on a single line with comments ...).
 */
import { isMap, isSeq, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../model/types';

export interface Edit {
  readonly span: Span;
  readonly newText: string;
}

/** Column of an offset within its line. */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset of the end of the line holding `offset` (before its newline). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** Re-indents a block of text (lines after the first get `indent` spaces more). */
export function indentBlock(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((l, i) => (i === 0 || !l ? l : pad + l))
    .join('\n');
}

/**
 * Appends an item to a sequence. `item` is the item's text as it would be written after `- `
 * at column 0 (later lines indented relative to the dash).
 */
export function appendSeqItem(text: string, seq: YAMLSeq<unknown>, item: string): Edit | undefined {
  const range = seq.range;
  if (!range) return undefined;
  if (seq.flow) {
    if (item.includes('\n')) return undefined;
    const close = text.lastIndexOf(']', range[1]);
    if (close < range[0]) return undefined;
    const inner = text.slice(range[0] + 1, close);
    return { span: { start: close, end: close }, newText: inner.trim() ? `, ${item}` : item };
  }
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined;
  const lastEnd = last?.range?.[1];
  if (lastEnd === undefined) return undefined;
  const dash = columnOf(text, range[0]);
  const at = lineEnd(text, Math.max(range[0], lastEnd - 1));
  return { span: { start: at, end: at }, newText: `\n${' '.repeat(dash)}- ${indentBlock(item, dash + 2)}` };
}

/** Appends `key: value` to a block mapping. `value` starts with a newline for block values. */
export function appendMapEntry(text: string, map: YAMLMap<unknown, unknown>, key: string, value: string): Edit | undefined {
  if (map.flow || !map.items.length) return undefined;
  const first = map.items[0]!.key as { range?: [number, number, number] } | undefined;
  const last = map.items[map.items.length - 1]!;
  const lastNode = (last.value ?? last.key) as { range?: [number, number, number] } | null;
  const start = first?.range?.[0];
  const end = lastNode?.range?.[1];
  if (start === undefined || end === undefined) return undefined;
  const indent = columnOf(text, start);
  const at = lineEnd(text, Math.max(start, end - 1));
  return { span: { start: at, end: at }, newText: `\n${' '.repeat(indent)}${key}:${value.startsWith('\n') ? indentBlock(value, indent) : ' ' + value}` };
}

export function isBlockSeq(node: unknown): node is YAMLSeq<unknown> {
  return isSeq(node) && !node.flow;
}

export function isBlockMap(node: unknown): node is YAMLMap<unknown, unknown> {
  return isMap(node) && !node.flow;
}

/** `text` written the way `original` was: in the same quotes, if it was quoted. */
export function quoteLike(original: string, text: string): string {
  const q = original[0];
  if (q === '"') return JSON.stringify(text);
  if (q === "'") return `'${text.replace(/'/g, "''")}'`;
  return text;
}

/** The mapping holding a key that starts at `start` (chunk-relative), searched under `root`. */
export function mapWithKeyAt(root: unknown, start: number): YAMLMap<unknown, unknown> | undefined {
  let found: YAMLMap<unknown, unknown> | undefined;
  if (!isMap(root) && !isSeq(root)) return undefined;
  visit(root as YAMLMap<unknown, unknown>, {
    Map(_key, map) {
      if (map.items.some((p) => (p.key as { range?: number[] } | null)?.range?.[0] === start)) {
        found = map as YAMLMap<unknown, unknown>;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
