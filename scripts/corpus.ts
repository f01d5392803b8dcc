/**
 * `npm run corpus`: lints the real-manifest corpus (../shared/corpus, next to the repository) with
 * the built CLI, prints findings by rule and severity, and compares the error and warning findings
 * with the committed snapshot test/corpus/snapshot.json, so every new alarm on real manifests is
 * seen in review. test/corpus/justifications.json says, per rule, why its findings are true.
 *   UPDATE_CORPUS=1 npm run corpus   rewrites the snapshot.
 * Exit codes: 0 snapshot matches, 1 it differs or a rule lacks a justification, 2 cannot run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(__dirname, '..');
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
export const SNAPSHOT = path.join(ROOT, 'test', 'corpus', 'snapshot.json');
export const JUSTIFICATIONS = path.join(ROOT, 'test', 'corpus', 'justifications.json');
const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly rule: string;
  readonly message: string;
}

export interface SnapshotEntry {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
}

/** Runs `dist/cli.js lint --format json` over the corpus (paths relative to it). */
export function lintCorpus(corpus = CORPUS): CliFinding[] {
  if (!existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run npm run build`);
  const r = spawnSync(process.execPath, [CLI, 'lint', '--no-config', '--format', 'json', '.'], { cwd: corpus, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eksnet lint exited with ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { findings: CliFinding[] }).findings;
}

const key = (e: SnapshotEntry) => `${e.file}:${e.line} ${e.severity} ${e.rule}: ${e.message}`;

/** Error and warning findings, stable-sorted. */
export function snapshotOf(findings: readonly CliFinding[]): SnapshotEntry[] {
  return findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => ({ file: f.file, line: f.line, rule: f.rule, severity: f.severity, message: f.message }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));
}

export function readSnapshot(): SnapshotEntry[] {
  return existsSync(SNAPSHOT) ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as SnapshotEntry[]) : [];
}

export function writeSnapshot(entries: readonly SnapshotEntry[]): void {
  writeFileSync(SNAPSHOT, '[\n' + entries.map((e) => '  ' + JSON.stringify(e)).join(',\n') + '\n]\n');
}

export function readJustifications(): Record<string, string> {
  return existsSync(JUSTIFICATIONS) ? (JSON.parse(readFileSync(JUSTIFICATIONS, 'utf8')) as Record<string, string>) : {};
}

/** Added and removed entries (as readable lines), as a review would want to see them. */
export function diffSnapshots(before: readonly SnapshotEntry[], after: readonly SnapshotEntry[]): { added: string[]; removed: string[] } {
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  return { added: [...a].filter((k) => !b.has(k)), removed: [...b].filter((k) => !a.has(k)) };
}

/** Rules with error/warning findings but no (non-empty) justification. */
export function unjustified(entries: readonly SnapshotEntry[], justifications: Record<string, string>): string[] {
  return [...new Set(entries.map((e) => e.rule))].filter((r) => !justifications[r]?.trim()).sort();
}

export function table(findings: readonly CliFinding[]): string {
  const sev = ['error', 'warning', 'info', 'hint'] as const;
  const by = new Map<string, Record<string, number>>();
  for (const f of findings) {
    const row = by.get(f.rule) ?? {};
    row[f.severity] = (row[f.severity] ?? 0) + 1;
    by.set(f.rule, row);
  }
  const width = Math.max(4, ...[...by.keys()].map((k) => k.length));
  const lines = [`${'rule'.padEnd(width)}  ${sev.map((s) => s.padStart(7)).join(' ')}`];
  for (const [rule, row] of [...by].sort((x, y) => (x[0] < y[0] ? -1 : 1))) lines.push(`${rule.padEnd(width)}  ${sev.map((s) => String(row[s] ?? '').padStart(7)).join(' ')}`);
  lines.push(`${'total'.padEnd(width)}  ${sev.map((s) => String(findings.filter((f) => f.severity === s).length).padStart(7)).join(' ')}`);
  return lines.join('\n');
}

function main(): number {
  if (!existsSync(CORPUS)) {
    console.error(`corpus not found at ${CORPUS}`);
    return 2;
  }
  const findings = lintCorpus();
  console.log(table(findings));
  const fresh = snapshotOf(findings);
  const missing = unjustified(fresh, readJustifications());
  if (process.env.UPDATE_CORPUS === '1') {
    writeSnapshot(fresh);
    console.log(`\nwrote ${path.relative(ROOT, SNAPSHOT)} (${fresh.length} error/warning findings)`);
  } else {
    const { added, removed } = diffSnapshots(readSnapshot(), fresh);
    if (added.length || removed.length) {
      console.log(`\nthe snapshot differs (UPDATE_CORPUS=1 npm run corpus to accept):`);
      for (const l of added) console.log(`+ ${l}`);
      for (const l of removed) console.log(`- ${l}`);
    } else console.log(`\nsnapshot matches (${fresh.length} error/warning findings)`);
    if (added.length || removed.length) return 1;
  }
  if (missing.length) {
    console.log(`\nno justification in ${path.relative(ROOT, JUSTIFICATIONS)} for: ${missing.join(', ')}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === pathToFileURL(__filename).href) process.exitCode = main();
