/**
 * The YAML context of a cursor computed from the text alone, by indentation. Completion needs it
 * because the text being typed is often not valid YAML yet (a key without its colon).
 */
import type { Span } from '../model/types';

export interface TextContext {
  /** Keys of the enclosing mappings, outermost first (list items add no key). */
  readonly parents: readonly string[];
  /** Indentation of the cursor's line. */
  readonly indent: number;
  /** Whether the cursor is where a key goes (before any `:` on the line). */
  readonly atKey: boolean;
  /** The key on the cursor's line when the cursor is on its value. */
  readonly key: string | undefined;
  /** What has been typed of the key or value so far, and where it stands (absolute). */
  readonly prefix: string;
  readonly prefixSpan: Span;
}

export function textContext(text: string, offset: number): TextContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const before = text.slice(lineStart, offset);
  const m = /^(\s*)(- )?/.exec(before);
  const indent = (m?.[1]?.length ?? 0) + (m?.[2]?.length ?? 0);
  const colon = findColon(line);
  const atKey = colon < 0 || offset - lineStart <= colon;
  let prefixStart: number;
  let key: string | undefined;
  if (atKey) {
    prefixStart = lineStart + indent;
  } else {
    key = unquote(line.slice(indent, colon).trim());
    const afterColon = line.slice(colon + 1);
    const lead = afterColon.length - afterColon.trimStart().length;
    prefixStart = Math.min(offset, lineStart + colon + 1 + lead);
  }
  const tokenEnd = atKey ? lineStart + (colon < 0 ? line.trimEnd().length : colon) : lineStart + line.trimEnd().length;
  const prefix = text.slice(prefixStart, offset);
  return {
    parents: parentKeys(text, lineStart, indent),
    indent,
    atKey,
    key,
    prefix,
    prefixSpan: { start: prefixStart, end: Math.max(offset, tokenEnd) },
  };
}

/** Index of the `: ` that separates a key from its value on a line, or -1. */
function findColon(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ')) {
      return -1;
    } else if (c === ':' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      return i;
    }
  }
  return -1;
}

function parentKeys(text: string, lineStart: number, indent: number): string[] {
  const parents: string[] = [];
  let want = indent;
  let end = lineStart - 1;
  while (end > 0 && want > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) break;
    const m = /^(\s*)(- )?/.exec(line);
    const dash = m?.[1]?.length ?? 0;
    const content = dash + (m?.[2]?.length ?? 0);
    if (content >= want) continue;
    // A `key:` with nothing after it opens the mapping the cursor is in.
    const colon = findColon(line);
    if (colon >= 0 && line.slice(colon + 1).trim() === '') parents.unshift(unquote(line.slice(content, colon).trim()));
    // Inside a list item (`- name: x`), keep looking above the dash.
    want = m?.[2] ? dash : content;
  }
  return parents;
}

function unquote(s: string): string {
  return /^(['"]).*\1$/.test(s) ? s.slice(1, -1) : s;
}
