/** A finding as the CLI reports it: 1-based lines and columns (UTF-16), path relative to the cwd. */
import type { Finding, Severity } from '../analysis';

export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
}

export interface CliSummary {
  readonly files: number;
  readonly documents: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface CliReport {
  readonly findings: readonly CliFinding[];
  readonly summary: CliSummary;
}

export type { Finding };
