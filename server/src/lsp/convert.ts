/** Conversions between the core's plain data (offsets) and LSP types (positions). */
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { Finding, Fix, LineIndex, ruleDocsUrl, Severity, Span } from '../analysis';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, linesOf: (uri: string) => LineIndex | undefined): Diagnostic {
  const lines = linesOf(f.uri) as LineIndex;
  const related = (f.related ?? []).flatMap((r) => {
    const l = linesOf(r.uri);
    return l ? [{ location: { uri: r.uri, range: toRange(l, r.span) }, message: r.message }] : [];
  });
  return {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    source: 'eksnet',
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message: f.message,
    ...(related.length ? { relatedInformation: related } : {}),
    ...(f.tags?.length ? { tags: f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)) } : {}),
    data: f.data,
  };
}

export function toCodeAction(fix: Fix, diagnostic: Diagnostic, linesOf: (uri: string) => LineIndex | undefined): CodeAction | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) {
    const lines = linesOf(e.uri);
    if (!lines) return undefined;
    changes[e.uri] = e.edits.map((t) => ({ range: toRange(lines, t.span), newText: t.newText }));
  }
  const edit: WorkspaceEdit = { changes };
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(fix.isPreferred ? { isPreferred: true } : {}) };
}
