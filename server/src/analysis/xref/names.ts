/** "Did you mean": the candidates that almost match a name, for messages and quick fixes. */

import { editDistance } from '../text/editDistance';

export { editDistance };

/**
 * The candidates close to `name`, best first: equal ignoring case, then within a small edit
 * distance (1 to 3, growing with the length), then one containing the other (`service-ui` ↔ `ui`).
 */
export function nearMisses(name: string, candidates: Iterable<string>, max = 3, contains: boolean | 'prefix' = true): string[] {
  const scored: { c: string; score: number }[] = [];
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const cl = c.toLowerCase();
    let score: number;
    if (cl === lower) score = 0;
    else {
      const d = editDistance(lower, cl);
      if (d <= limit) score = d;
      else if (contains === true && cl.length >= 2 && lower.length >= 2 && (lower.includes(cl) || cl.includes(lower))) score = limit + 1;
      else if (contains === 'prefix' && cl.length >= 3 && lower.length >= 3 && (lower.startsWith(cl) || cl.startsWith(lower))) score = limit + 1;
      else continue;
    }
    scored.push({ c, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.c.localeCompare(b.c)).slice(0, max).map((s) => s.c);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quoteList(names: readonly string[], conj = 'or'): string {
  const q = names.map((n) => `"${n}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conj} ${q[q.length - 1]}`;
}

/** `web, api and 3 more`: a short list for lenses and messages. */
export function shortList(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
