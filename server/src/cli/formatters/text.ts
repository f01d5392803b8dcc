import type { CliReport } from '../report';

export function formatText(report: CliReport, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = { error: paint('31', 'error'), warning: paint('33', 'warning'), info: paint('36', 'info'), hint: paint('90', 'hint') };
  const lines = report.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${sev[f.severity]} ${paint('90', f.rule)}: ${f.message}`);
  const { files, documents, errors, warnings } = report.summary;
  const others = report.findings.length - errors - warnings;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(
    `${report.findings.length ? '' : '✓ '}${plural(report.findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${others} info/hint) in ${plural(files, 'file')}, ${plural(documents, 'document')}`,
  );
  return lines.join('\n') + '\n';
}
