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

export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
  readonly code: string;
}

export interface ParsedChunk {
  readonly text: string;
  readonly docs: readonly Document.Parsed[];
  readonly errors: readonly SyntaxProblem[];
  readonly objects: readonly KubeObjectModel[];
  /** Per-chunk memo for results that depend only on this text (see engine/objectCache). */
  readonly memo: Map<string, unknown>;
}

const OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'silent' as const, keepSourceTokens: false };

export function parseChunk(text: string): ParsedChunk {
  let docs: Document.Parsed[] = [];
  const errors: SyntaxProblem[] = [];
  try {
    docs = Array.from(parseAllDocuments(text, OPTIONS) as Iterable<Document.Parsed>);
  } catch (e) {
    errors.push({ span: { start: 0, end: Math.min(text.length, 1) }, message: `YAML could not be parsed: ${String(e)}`, code: 'PARSE' });
  }
  const objects: KubeObjectModel[] = [];
  for (const doc of docs) {
    for (const err of doc.errors) {
      const [start, end] = err.pos;
      errors.push({ span: { start, end: Math.max(end, start) }, message: err.message, code: err.code });
    }
    try {
      objects.push(...objectsOfRoot(doc.contents, anchorTable(doc)));
    } catch {
      // A document shape we did not foresee yields no objects rather than an exception.
    }
  }
  return { text, docs, errors, objects, memo: new Map() };
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
