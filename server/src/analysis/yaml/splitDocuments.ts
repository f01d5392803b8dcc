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
const DIRECTIVE = /^%/m;

export function splitDocuments(text: string): Chunk[] {
  if (hasDirectives(text)) return [{ base: 0, text }];
  return splitAt(text, 0);
}

/** True when a line of the text starts with `%` (a YAML directive): such texts are one chunk. */
export function hasDirectives(text: string): boolean {
  return DIRECTIVE.test(text);
}

/** Chunks of a text with no directives; `base` is added to every chunk's offset. */
export function splitAt(text: string, base: number): Chunk[] {
  const cuts: number[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m.index > 0) cuts.push(m.index);
  }
  const chunks: Chunk[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push({ base: base + start, text: text.slice(start, cut) });
    start = cut;
  }
  chunks.push({ base: base + start, text: text.slice(start) });
  return chunks;
}

/**
 * Whether `splitDocuments` cuts the text at `pos`: a `---` that starts a line (as the regular
 * expression's multiline `^` sees lines) and is followed by a blank, a line break or the end.
 */
export function isCut(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return false;
  if (!isLineTerminator(text.charCodeAt(pos - 1))) return false;
  if (text.charCodeAt(pos) !== 45 || text.charCodeAt(pos + 1) !== 45 || text.charCodeAt(pos + 2) !== 45) return false;
  if (pos + 3 === text.length) return true;
  const next = text.charCodeAt(pos + 3);
  return next === 32 || next === 9 || isLineTerminator(next);
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}
