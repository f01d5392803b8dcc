/**
 * Splits a new version of a file into chunks, reusing the chunks of the previous version that an
 * edit did not touch: those before the edit keep their offset, those after it shift by the change
 * in length. Only the text between them is split again (and later parsed). The result is the
 * chunking `splitDocuments` gives for the whole new text: cuts depend only on the few characters
 * around them, and the two boundaries of the re-split region are checked to still be cuts.
 */
import { hasDirectives, isCut, splitAt } from '../yaml/splitDocuments';

export interface PreviousChunk {
  readonly base: number;
  readonly text: string;
}

export interface Piece<T> {
  readonly base: number;
  readonly text: string;
  /** The previous chunk this piece is, unchanged (undefined: new text). */
  readonly reused?: T;
}

/**
 * Undefined when the previous chunking cannot be built on (no chunks, or a directive line in the
 * re-split text, which makes the whole text one chunk): the caller splits from scratch.
 */
export function resplit<T extends PreviousChunk>(oldText: string, old: readonly T[], text: string, edit?: TextChange): Piece<T>[] | undefined {
  const n = old.length;
  if (n === 0 || (n === 1 && hasDirectives(old[0]!.text))) return undefined;
  const delta = text.length - oldText.length;
  const known = edit && isConsistent(edit, oldText.length, text.length);
  const prefix = known ? edit.start : commonPrefix(oldText, text);
  const suffix = known ? oldText.length - edit.oldEnd : commonSuffix(oldText, text, Math.min(oldText.length, text.length) - prefix);
  const startOf = (k: number) => (k < n ? old[k]!.base : oldText.length);
  // Chunks wholly inside the common prefix, then wholly inside the common suffix.
  let p = 0;
  while (p < n && startOf(p + 1) <= prefix) p++;
  let s = 0;
  while (s < n - p && old[n - 1 - s]!.base >= oldText.length - suffix) s++;
  // The region [from, to) of the new text is split again; its ends must still be cuts.
  for (;;) {
    const from = startOf(p);
    if (p > 0 && from < text.length && !isCut(text, from)) {
      p--;
      continue;
    }
    const to = startOf(n - s) + delta;
    if (s > 0 && to > 0 && !isCut(text, to)) {
      s--;
      continue;
    }
    break;
  }
  const from = startOf(p);
  const to = startOf(n - s) + delta;
  const region = text.slice(from, to);
  if (hasDirectives(region)) return undefined;
  const pieces: Piece<T>[] = [];
  for (let k = 0; k < p; k++) pieces.push({ base: old[k]!.base, text: old[k]!.text, reused: old[k]! });
  if (region.length > 0 || (p === 0 && s === 0)) pieces.push(...splitAt(region, from));
  for (let k = n - s; k < n; k++) pieces.push({ base: old[k]!.base + delta, text: old[k]!.text, reused: old[k]! });
  return pieces;
}

/**
 * Where a new text differs from the previous one, when the caller knows (an editor's change): old
 * `[start, oldEnd)` became new `[start, newEnd)`; the texts are equal before and after.
 */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

function isConsistent(e: TextChange, oldLength: number, newLength: number): boolean {
  return 0 <= e.start && e.start <= e.oldEnd && e.oldEnd <= oldLength && e.start <= e.newEnd && e.newEnd - e.oldEnd === newLength - oldLength;
}

const BLOCK = 1 << 14;

/** Length of the longest common prefix; whole blocks are compared natively first. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
