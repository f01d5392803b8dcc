/**
 * The documents open in the editor: their text and version, with incremental changes applied.
 * Replaces vscode-languageserver's TextDocuments, which keeps its own table of line offsets and
 * updates every entry after the edited line on each keystroke (a few milliseconds per keystroke in
 * a 200,000-line file). Positions are turned into offsets with the index's line index for the
 * document's current text, which the server keeps up to date anyway.
 */
import { Connection, Emitter, Event, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineIndex, TextChange } from '../analysis';

export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

class Doc implements OpenDocument {
  constructor(
    readonly uri: string,
    public version: number,
    public text: string,
  ) {}

  getText(): string {
    return this.text;
  }
}

export class OpenDocuments {
  private readonly docs = new Map<string, Doc>();
  private readonly changed = new Emitter<{ document: OpenDocument; change?: TextChange }>();
  private readonly closed = new Emitter<{ document: OpenDocument }>();

  /** `linesOf(uri, text)`: a line index of that text, when one is at hand (else one is built). */
  constructor(private readonly linesOf: (uri: string, text: string) => LineIndex | undefined) {}

  /** An opened document, or a new version of one (opening counts as a change of content). */
  get onDidChangeContent(): Event<{ document: OpenDocument; change?: TextChange }> {
    return this.changed.event;
  }

  get onDidClose(): Event<{ document: OpenDocument }> {
    return this.closed.event;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  keys(): string[] {
    return [...this.docs.keys()];
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument: d }) => {
      const doc = new Doc(d.uri, d.version, d.text);
      this.docs.set(d.uri, doc);
      this.changed.fire({ document: doc });
    });
    connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
      const doc = this.docs.get(d.uri);
      if (!doc || !contentChanges.length) return;
      const lines = this.linesOf(d.uri, doc.text);
      const change = contentChanges.length === 1 && lines ? changeOf(contentChanges[0]!, lines) : undefined;
      doc.text = applyChanges(doc.text, contentChanges, lines);
      doc.version = d.version ?? doc.version + 1;
      this.changed.fire({ document: doc, ...(change ? { change } : {}) });
    });
    connection.onDidCloseTextDocument(({ textDocument: d }) => {
      const doc = this.docs.get(d.uri);
      if (!doc) return;
      this.docs.delete(d.uri);
      this.closed.fire({ document: doc });
    });
  }
}

/** Applies LSP content changes in order; `lines` (if given) indexes `text`, the text before the first. */
export function applyChanges(text: string, changes: readonly TextDocumentContentChangeEvent[], lines: LineIndex | undefined): string {
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      text = change.text;
    } else {
      const index = lines ?? new LineIndex(text);
      const a = index.offsetAt(change.range.start);
      const b = Math.max(a, index.offsetAt(change.range.end));
      text = text.slice(0, a) + change.text + text.slice(b);
    }
    lines = undefined; // indexes the text before this change only
  }
  return text;
}

/** The offsets a single ranged change replaces, in the text `lines` indexes. */
function changeOf(change: TextDocumentContentChangeEvent, lines: LineIndex): TextChange | undefined {
  if (!('range' in change) || !change.range) return undefined;
  const start = lines.offsetAt(change.range.start);
  const oldEnd = Math.max(start, lines.offsetAt(change.range.end));
  return { start, oldEnd, newEnd: start + change.text.length };
}
