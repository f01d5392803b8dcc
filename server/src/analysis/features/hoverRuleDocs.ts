/** Hover on a suppression comment: explains the rule ids it names. */
import { RULES_BY_ID } from '../rules/registry';
import type { HoverProvider } from './types';

export const ruleFindingHover: HoverProvider = ({ file, offset }) => {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = file.text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = file.text.length;
  const line = file.text.slice(lineStart, lineEnd);
  if (!/#\s*eksnet-disable/.test(line)) return undefined;
  const re = /[a-z0-9]+(-[a-z0-9]+)+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = lineStart + m.index;
    const end = start + m[0].length;
    if (offset < start || offset > end) continue;
    const rule = RULES_BY_ID.get(m[0]);
    if (!rule) return undefined;
    return { markdown: `**${rule.id}** — ${rule.title}\n\n${rule.description}\n\n*Fix:* ${rule.remediation}`, span: { start, end } };
  }
  return undefined;
};
