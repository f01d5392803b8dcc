/**
 * How the controllers read annotation values, mirrored in one place (rules.md §1, the AWS Load
 * Balancer Controller's `pkg/annotations/parser.go`): Go's `strconv.ParseBool` and `ParseInt`, the
 * comma-separated string list and the `k=v` string map. Offsets in the results are offsets into
 * the annotation's string value, so callers can point at the failing part.
 */

/** What `strconv.ParseBool` accepts. */
export const GO_BOOL_TRUE: readonly string[] = ['1', 't', 'T', 'TRUE', 'true', 'True'];
export const GO_BOOL_FALSE: readonly string[] = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

export function parseGoBool(raw: string): boolean | undefined {
  if (GO_BOOL_TRUE.includes(raw)) return true;
  if (GO_BOOL_FALSE.includes(raw)) return false;
  return undefined;
}

/** Words people write for booleans that ParseBool rejects, with the value they meant. */
export function meantBool(raw: string): 'true' | 'false' | undefined {
  const v = raw.trim().toLowerCase();
  if (['yes', 'y', 'on', 'enabled', 'enable', 'true'].includes(v)) return 'true';
  if (['no', 'n', 'off', 'disabled', 'disable', 'false'].includes(v)) return 'false';
  return undefined;
}

/** `strconv.ParseInt(raw, 10, 64)`: optional sign, decimal digits, nothing else (no spaces, no `_`, no units). */
export function parseGoInt(raw: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

export interface ListItem {
  readonly text: string;
  /** Offset of the trimmed item in the value. */
  readonly start: number;
}

/** Split on `,`, trim blanks, drop empty items (`splitCommaSeparatedString`). */
export function parseStringList(raw: string): ListItem[] {
  const out: ListItem[] = [];
  let at = 0;
  for (const part of raw.split(',')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text) out.push({ text, start: at + lead });
    at += part.length + 1;
  }
  return out;
}

export interface MapEntry {
  readonly key: string;
  readonly value: string;
  /** Offsets of the entry (trimmed), its key and its value in the annotation value. */
  readonly start: number;
  readonly end: number;
  readonly keyStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface MapProblem {
  readonly kind: 'no-equals' | 'colon' | 'empty-key';
  /** The item as written (trimmed) and its offsets in the value. */
  readonly item: string;
  readonly start: number;
  readonly end: number;
}

export interface ParsedMap {
  readonly entries: MapEntry[];
  readonly problems: MapProblem[];
}

/**
 * Items split on unescaped `,` (`\` escapes the next character), each split on the first `=`.
 * An item without `=` fails the whole annotation; to stay on the safe side across controller
 * versions (newer ones glue such an item to the previous value when more `k=v` items follow),
 * it is only reported when no `=` follows it anywhere in the value.
 */
export function parseStringMap(raw: string): ParsedMap {
  const items: { text: string; start: number; end: number }[] = [];
  let cur = '';
  let curStart = 0;
  const flush = (end: number) => {
    const lead = cur.length - cur.trimStart().length;
    const text = cur.trim();
    if (text) items.push({ text, start: curStart + lead, end: curStart + lead + text.length });
    cur = '';
    curStart = end + 1;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\' && i + 1 < raw.length) {
      cur += c + (raw[i + 1] as string);
      i++;
    } else if (c === ',') flush(i);
    else cur += c;
  }
  flush(raw.length);
  const entries: MapEntry[] = [];
  const problems: MapProblem[] = [];
  for (const it of items) {
    const eq = unescapedIndex(it.text, '=');
    if (eq < 0) {
      if (raw.slice(it.end).includes('=')) continue;
      problems.push({ kind: /^[^:\s]+\s*:/.test(it.text) ? 'colon' : 'no-equals', item: it.text, start: it.start, end: it.end });
      continue;
    }
    const key = unescape(it.text.slice(0, eq)).trim();
    if (!key) {
      problems.push({ kind: 'empty-key', item: it.text, start: it.start, end: it.end });
      continue;
    }
    const rawValue = it.text.slice(eq + 1);
    const lead = rawValue.length - rawValue.trimStart().length;
    const value = unescape(rawValue).trim();
    entries.push({ key, value, start: it.start, end: it.end, keyStart: it.start, valueStart: it.start + eq + 1 + lead, valueEnd: it.end });
  }
  return { entries, problems };
}

function unescapedIndex(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
