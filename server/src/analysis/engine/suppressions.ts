/**
 * Suppression comments, honoured by the editor and the CLI alike:
 *   # eksnet-disable-next-line rule-a, rule-b   (the next line; no ids = every rule)
 *   # eksnet-disable rule-a                     (the whole file; no ids = every rule)
 */
import type { LineIndex } from '../text/lineIndex';

export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const COMMENT = /#\s*eksnet-disable(-next-line)?(?=\s|$)([^\n\r]*)/g;

export const NO_SUPPRESSIONS: Suppressions = { isSuppressed: () => false };

export function parseSuppressions(text: string, lines: LineIndex): Suppressions {
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  if (!text.includes('eksnet-disable')) return NO_SUPPRESSIONS;
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const ids = (m[2] ?? '').split(/[\s,]+/).filter((s) => /^[a-z0-9-]+$/.test(s));
    const set = new Set(ids.length ? ids : ['*']);
    if (m[1]) {
      const line = lines.positionAt(m.index).line + 1;
      const existing = byLine.get(line) ?? new Set<string>();
      for (const id of set) existing.add(id);
      byLine.set(line, existing);
    } else {
      for (const id of set) fileWide.add(id);
    }
  }
  return {
    isSuppressed(ruleId, line) {
      if (fileWide.has('*') || fileWide.has(ruleId)) return true;
      const s = byLine.get(line);
      return !!s && (s.has('*') || s.has(ruleId));
    },
  };
}
