#!/usr/bin/env node
/** The `eksnet` command. Exit codes: 0 no error findings, 1 error findings, 2 usage error. */
import { ALL_RULES, ruleDocsUrl } from '../analysis';
import { VERSION } from '../version';
import { parseArgs, USAGE, UsageError } from './args';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { lint } from './lint';
import { isLintWorker } from './parallel';

async function main(argv: readonly string[]): Promise<number> {
  const cmd = parseArgs(argv);
  switch (cmd.kind) {
    case 'help':
      process.stdout.write(USAGE + '\n');
      return 0;
    case 'version':
      process.stdout.write(VERSION + '\n');
      return 0;
    case 'rules':
      process.stdout.write(
        cmd.format === 'json'
          ? JSON.stringify(ALL_RULES.map((r) => ({ id: r.id, title: r.title, severity: r.severity, description: r.description, remediation: r.remediation, docs: ruleDocsUrl(r.id) })), null, 2) + '\n'
          : ALL_RULES.map((r) => `${r.id.padEnd(40)} ${r.severity.padEnd(8)} ${r.title}`).join('\n') + '\n',
      );
      return 0;
    case 'lint': {
      const report = await lint({ ...cmd, cwd: process.cwd(), log: (m) => process.stderr.write(`eksnet: ${m}\n`) });
      const out = cmd.format === 'json' ? formatJson(report) : cmd.format === 'sarif' ? formatSarif(report) : formatText(report, !!process.stdout.isTTY && !process.env.NO_COLOR);
      process.stdout.write(out);
      return report.summary.errors > 0 ? 1 : 0;
    }
  }
}

// The lint workers run this bundle too (parallel.ts starts their work): not the command.
if (!isLintWorker()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`eksnet: ${e.message}\n\n${USAGE}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`eksnet: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 2;
      }
    },
  );
}
