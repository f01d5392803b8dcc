/**
 * Splits a multi-document YAML text into chunks at `---` document markers, so that an edit
 * re-parses only the chunk it touched. A `---` at the start of a line always starts a new
 * document in YAML (even inside a block scalar), so splitting there never changes the meaning.
 * Texts with directives (`%YAML`, `%TAG`) are not split: a directive belongs to the document
 * after it.
 */
export interface Chunk {
  /** Offset of the chunk in the whole text. */
  readonly base: number;
  readonly text: string;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

export function splitDocuments(text: string): Chunk[] {
  if (/^%/m.test(text)) return [{ base: 0, text }];
  const cuts: number[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m.index > 0) cuts.push(m.index);
  }
  const chunks: Chunk[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push({ base: start, text: text.slice(start, cut) });
    start = cut;
  }
  chunks.push({ base: start, text: text.slice(start) });
  return chunks;
}
