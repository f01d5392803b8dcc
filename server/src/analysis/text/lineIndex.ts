/**
 * Maps UTF-16 offsets to zero-based line/character positions and back, the way LSP counts:
 * `\n`, `\r\n` and a lone `\r` each end a line; characters are UTF-16 code units.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Where lines start: `at(0)` is 0; `lastAtOrBefore(o)` is the line holding offset o. */
interface LineStarts {
  readonly length: number;
  at(line: number): number;
  lastAtOrBefore(offset: number): number;
}

export class LineIndex {
  private readonly starts: LineStarts;

  constructor(
    private readonly text: string,
    starts?: LineStarts,
  ) {
    this.starts = starts ?? new FlatStarts([0, ...lineStartsOf(text)]);
  }

  /**
   * The index of a text made of chunks that each start a line (document chunks do: they start at
   * a `---` line), over each chunk's own line starts, which are computed once per chunk text: an
   * edit costs one pass over the chunks, not over the text.
   */
  static ofChunks(text: string, chunks: readonly { readonly base: number; readonly lineStarts: Int32Array }[]): LineIndex {
    return new LineIndex(text, new ChunkedStarts(chunks));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.starts.lastAtOrBefore(o);
    return { line, character: o - this.starts.at(line) };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts.at(pos.line);
    const end = this.lineEnd(pos.line);
    return Math.max(start, Math.min(start + Math.max(0, pos.character), end));
  }

  lineStart(line: number): number {
    return this.starts.at(Math.max(0, Math.min(line, this.starts.length - 1)));
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts.at(line + 1) : this.text.length;
    let end = next;
    if (end > 0 && line + 1 < this.starts.length) {
      end--;
      if (this.text.charCodeAt(end) === 10 && end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return Math.max(this.starts.at(line), end);
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** Offsets (after 0) where a line starts: after each `\n`, `\r\n` and lone `\r`. */
export function lineStartsOf(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The last index i with list[i] <= value (0 when none), by binary search over a sorted list. */
function lastAtOrBefore(length: number, get: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (get(mid) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

class FlatStarts implements LineStarts {
  constructor(private readonly starts: readonly number[]) {}

  get length(): number {
    return this.starts.length;
  }

  at(line: number): number {
    return this.starts[line] as number;
  }

  lastAtOrBefore(offset: number): number {
    return lastAtOrBefore(this.starts.length, (i) => this.starts[i] as number, offset);
  }
}

/**
 * Line starts of a chunked text: line 0 starts at 0, then come each chunk's starts (relative,
 * after its offset 0, up to and including its end) shifted by its base.
 */
class ChunkedStarts implements LineStarts {
  /** before[k]: how many starts (after 0) the chunks before chunk k have; the last entry is the total. */
  private readonly before: Int32Array;

  constructor(private readonly chunks: readonly { readonly base: number; readonly lineStarts: Int32Array }[]) {
    this.before = new Int32Array(chunks.length + 1);
    for (let k = 0; k < chunks.length; k++) this.before[k + 1] = this.before[k]! + chunks[k]!.lineStarts.length;
  }

  get length(): number {
    return 1 + this.before[this.chunks.length]!;
  }

  at(line: number): number {
    if (line <= 0) return 0;
    // The chunk holding start number `line`: before[k] < line <= before[k + 1].
    const k = lastAtOrBefore(this.chunks.length, (i) => this.before[i]!, line - 1);
    const c = this.chunks[k]!;
    return c.base + c.lineStarts[line - 1 - this.before[k]!]!;
  }

  lastAtOrBefore(offset: number): number {
    const k = lastAtOrBefore(this.chunks.length, (i) => this.chunks[i]!.base, offset);
    const c = this.chunks[k]!;
    const rel = offset - c.base;
    const starts = c.lineStarts;
    if (!starts.length || starts[0]! > rel) return this.before[k]!; // the line that chunk k begins in
    return this.before[k]! + 1 + lastAtOrBefore(starts.length, (i) => starts[i]!, rel);
  }
}
