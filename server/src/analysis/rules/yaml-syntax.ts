import type { FileRule } from './types';

/** Rewrites the YAML parser's terse messages into what is wrong and how to fix it. */
const FRIENDLY: Record<string, (found: string, raw: string) => string> = {
  DUPLICATE_KEY: (k) => `Duplicate key ${k}: a mapping may hold each key once (kubectl rejects the file). Remove or rename one of them.`,
  TAB_AS_INDENT: () => 'Tab character used for indentation: YAML allows only spaces. Replace the tab with spaces.',
  BAD_INDENT: () => 'Bad indentation: this line does not line up with its siblings. Align it with the keys of the same mapping.',
  MULTILINE_IMPLICIT_KEY: () => 'A key spans several lines, usually because a `:` or a closing quote is missing on the line above. Check the line above.',
  BLOCK_AS_IMPLICIT_KEY: () => 'A nested block is used as a key, usually because of wrong indentation or a missing `:`. Check the indentation.',
  MISSING_CHAR: (k, raw) =>
    /^Implicit map keys need to be followed by map values/.test(raw)
      ? `${k} has no \`:\` after it: a mapping entry is written \`key: value\`. Add the colon and the value.`
      : 'A closing character is missing (a quote, `]` or `}`). Close the value that starts here.',
  TOO_DEEP: () => 'Nested too deeply to analyse (more than 256 levels of mappings, lists or brackets): this document was not checked. Look for unclosed `[` or `{`, or flatten the structure.',
  RESOURCE_EXHAUSTION: () => 'Nested too deeply to analyse: the YAML parser gave up here and the rest of this document was not checked. Look for unclosed `[` or `{`, or flatten the structure.',
  UNEXPECTED_TOKEN: () => 'Unexpected text here: YAML cannot place it in the structure. Check the indentation and the `:` of this line.',
};

export const rule: FileRule = {
  id: 'yaml-syntax',
  title: 'YAML syntax error in a Kubernetes manifest',
  description: 'Reports text that YAML cannot parse in files that hold Kubernetes manifests.',
  remediation: 'Fix the YAML at the reported place; kubectl refuses the whole file until it parses.',
  severity: 'error',
  kinds: 'any',
  scope: 'file',
  docs: {
    why: 'kubectl and the API server refuse a manifest file that is not valid YAML, so nothing in the file is applied. Duplicate keys are refused too (or, with older tools, one of the values is silently lost).',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  name: api\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
  },
  checkFile({ file, reportSyntax, report }) {
    if (!reportSyntax || file.skip || !file.looksLikeKubernetes) return;
    const lines = new Set<number>();
    for (const chunk of file.chunks) {
      for (const err of chunk.parsed.errors) {
        // One finding per line: the parser often reports one cause many times (an unclosed `[`).
        const line = file.lineIndex.positionAt(chunk.base + err.span.start).line;
        if (lines.has(line)) continue;
        lines.add(line);
        const { start, end } = tokenSpan(file.text, chunk.base + err.span.start, file.lineIndex.lineEnd(file.lineIndex.positionAt(chunk.base + err.span.start).line));
        const found = file.text.slice(start, end);
        const friendly = FRIENDLY[err.code]?.(`\`${found.trim() || '?'}\``, err.message);
        report({ span: { start, end }, message: friendly ?? `YAML syntax error: ${err.message}` });
      }
    }
  },
};

const TOKEN = /[^\s:]*/y;
const MAX_TOKEN = 1000;

/** The problem's span on one line: from the first non-blank character to the end of that token (or key). */
function tokenSpan(text: string, at: number, lineEnd: number): { start: number; end: number } {
  let start = at;
  while (start < lineEnd && (text[start] === ' ' || text[start] === '\t')) start++;
  if (start >= lineEnd) return { start: at, end: Math.max(at, Math.min(at + 1, lineEnd)) };
  TOKEN.lastIndex = start;
  TOKEN.test(text); // a native scan: a per-character loop took minutes on megabyte lines with many errors
  const end = Math.min(TOKEN.lastIndex, lineEnd, start + MAX_TOKEN);
  return { start, end: Math.max(end, start + 1) };
}
