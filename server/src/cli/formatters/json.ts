import type { CliReport } from '../report';

/** The JSON format (public contract): exactly { findings: [...], summary: {...} }. */
export function formatJson(report: CliReport): string {
  return JSON.stringify({
    findings: report.findings.map((f) => ({
      file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
      severity: f.severity, rule: f.rule, message: f.message,
    })),
    summary: {
      files: report.summary.files,
      documents: report.summary.documents,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
    },
  }, null, 2) + '\n';
}
