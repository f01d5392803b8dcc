/**
 * Parses one chunk of YAML text (see splitDocuments) into documents, syntax problems and the
 * Kubernetes objects it holds. Never throws: whatever the text, the result is a value.
 * Offsets in the result are relative to the chunk.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Document } from 'yaml';
import type { Span } from '../model/types';
import { objectsOfRoot, KubeObjectModel } from '../kube/object';
import type { AnchorTable, YNode } from './nodes';
import { fastParse } from './fastParse';

export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
  readonly code: string;
}

/** One YAML document of a chunk: its root node (null when empty) and its anchors. */
export interface ParsedDocument {
  readonly contents: unknown;
  readonly anchors: AnchorTable;
}

export interface ParsedChunk {
  readonly text: string;
  readonly docs: readonly ParsedDocument[];
  readonly errors: readonly SyntaxProblem[];
  readonly objects: readonly KubeObjectModel[];
  /** Per-chunk memo for results that depend only on this text (see engine/objectCache). */
  readonly memo: Map<string, unknown>;
}

const OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'silent' as const, keepSourceTokens: false };

const NO_ANCHORS: AnchorTable = new Map();
const LONE_CR = /\r(?!\n)/g;

/**
 * Deeper than this, a chunk is handed to neither parser: both recurse per level, and near the
 * stack limit V8 can abort the whole process (a regex compilation failing is not a catchable
 * RangeError). Real manifests, CRD schemas included, stay far below it.
 */
export const MAX_NESTING = 256;

export function parseChunk(text: string): ParsedChunk {
  const errors: SyntaxProblem[] = [];
  const deep = tooDeepAt(text, MAX_NESTING);
  if (deep >= 0) {
    errors.push({ span: { start: deep, end: Math.min(text.length, deep + 1) }, message: `nested more than ${MAX_NESTING} levels deep`, code: 'TOO_DEEP' });
    return { text, docs: [], errors, objects: [], memo: new Map() };
  }
  // A lone CR ends a line in YAML, but the `yaml` package does not take it as one; the same text
  // with LF in its place has the same offsets.
  const source = text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
  const docs: ParsedDocument[] = fastParse(source)?.map((d) => ({ contents: d.contents, anchors: NO_ANCHORS })) ?? fullParse(source, errors);
  const objects: KubeObjectModel[] = [];
  for (const doc of docs) {
    try {
      objects.push(...objectsOfRoot(doc.contents, doc.anchors));
    } catch {
      // A document shape we did not foresee yields no objects rather than an exception.
    }
  }
  return { text, docs, errors, objects, memo: new Map() };
}

/** The `yaml` package's parser: handles all of YAML, and reports syntax errors. */
export function fullParse(text: string, errors: SyntaxProblem[]): ParsedDocument[] {
  let parsed: Document.Parsed[] = [];
  try {
    parsed = Array.from(parseAllDocuments(text, OPTIONS) as Iterable<Document.Parsed>);
  } catch (e) {
    errors.push({ span: { start: 0, end: Math.min(text.length, 1) }, message: `YAML could not be parsed: ${String(e)}`, code: 'PARSE' });
  }
  return parsed.map((doc) => {
    for (const err of doc.errors) {
      const [start, end] = err.pos;
      errors.push({ span: { start, end: Math.max(end, start) }, message: err.message, code: err.code });
    }
    return { contents: doc.contents, anchors: anchorTable(doc) };
  });
}

function anchorTable(doc: Document.Parsed): AnchorTable {
  const table = new Map<string, YNode[]>();
  visit(doc, (_key, node) => {
    if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor) {
      const list = table.get(node.anchor) ?? [];
      list.push(node as YNode);
      table.set(node.anchor, list);
    }
    return isAlias(node) ? visit.SKIP : undefined;
  });
  return table;
}

/**
 * Offset where the nesting depth of `text` first exceeds `limit`, or -1. A linear, deliberately
 * conservative estimate (it must never see less nesting than the parsers do): block levels from
 * an indentation stack where a `- `/`? `/`: ` item counts one level more than a key at the same
 * column, plus flow brackets counted everywhere but in whole-line comments. Lines end at \n, \r\n
 * or a lone \r, as in YAML.
 */
export function tooDeepAt(text: string, limit: number): number {
  const stack: number[] = [];
  let flow = 0;
  const level = (key: number) => {
    // Inside a flow collection, lines may dedent without closing anything: never pop there.
    if (flow === 0) while (stack.length && (stack[stack.length - 1] as number) > key) stack.pop();
    if (!stack.length || (stack[stack.length - 1] as number) < key) stack.push(key);
  };
  const BREAK = /\r\n?|\n/g;
  for (let lineStart = 0; lineStart <= text.length; ) {
    BREAK.lastIndex = lineStart;
    const m = BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < lineEnd && text[i] !== '#') {
      level(2 * (i - lineStart));
      while (i < lineEnd && '-?:'.includes(text[i] as string) && (i + 1 === lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t')) {
        level(2 * (i - lineStart) + 1);
        i++;
        while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
        if (i < lineEnd) level(2 * (i - lineStart));
      }
      if (stack.length + flow > limit) return i < lineEnd ? i : lineStart;
      for (; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === 91 /* [ */ || c === 123 /* { */) {
          if (stack.length + ++flow > limit) return i;
        } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) flow--;
      }
    }
    if (!m) break;
    lineStart = lineEnd + m[0].length;
  }
  return -1;
}
