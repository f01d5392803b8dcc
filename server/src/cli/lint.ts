/**
 * `eksnet lint`: reads the given files and folders, analyses them as one workspace, reports. Big
 * workspaces are validated on several threads (parallel.ts), with the same report.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, isExcluded as isExcludedRel, mergeSettings, Settings } from '../analysis';
import { findSettingsFile, loadSettingsFile } from '../node/settingsFile';
import { findYamlFiles } from '../node/findYamlFiles';
import type { CliReport } from './report';
import { UsageError } from './args';
import { canLintInParallel, defaultJobs, lintInParallel } from './parallel';
import { FileResult, loadWorkspace, validateFile } from './shard';

export interface LintOptions {
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly noConfig: boolean;
  readonly quiet: boolean;
  /** Threads to lint with (1: in-process); by default `defaultJobs(number of files)`. */
  readonly jobs?: number | undefined;
  readonly cwd: string;
  readonly log: (message: string) => void;
}

export async function lint(o: LintOptions): Promise<CliReport> {
  const { settings, root } = loadSettings(o);
  const files = await collectFiles(o, settings, root);
  const jobs = Math.min(o.jobs ?? defaultJobs(files.length), files.length);
  const shared = { files, settings, quiet: o.quiet, cwd: o.cwd };
  let results: readonly FileResult[];
  if (jobs > 1 && canLintInParallel()) {
    results = await lintInParallel({ ...shared, jobs, log: o.log });
  } else {
    const ws = loadWorkspace(files, settings.maxFileSize, o.log);
    results = files.map((_, i) => validateFile(ws, i, shared));
  }
  const findings = results.flatMap((r) => r.findings);
  return {
    findings,
    summary: {
      files: files.length,
      documents: results.reduce((n, r) => n + r.documents, 0),
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
  };
}

function loadSettings(o: LintOptions): { settings: Settings; root: string } {
  const file = o.noConfig ? undefined : o.config ? path.resolve(o.cwd, o.config) : findSettingsFile(o.cwd);
  if (!file) return { settings: DEFAULT_SETTINGS, root: o.cwd };
  let loaded;
  try {
    loaded = loadSettingsFile(file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const problems: string[] = [];
  const settings = mergeSettings(DEFAULT_SETTINGS, loaded.input, problems);
  if (problems.length) throw new UsageError(`settings file ${file}: ${problems.join('; ')}`);
  return { settings, root: path.dirname(file) };
}

async function collectFiles(o: LintOptions, settings: Settings, root: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of o.paths) {
    const abs = path.resolve(o.cwd, p);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      const found = await findYamlFiles(abs, []);
      out.push(...found.filter((f) => !excludedFrom(root, f, settings.exclude)));
    } else out.push(abs);
  }
  return [...new Set(out)];
}

function excludedFrom(root: string, file: string, globs: readonly string[]): boolean {
  if (!globs.length) return false;
  const rel = path.relative(root, file).split(path.sep).join('/');
  return !rel.startsWith('..') && isExcludedRel(rel, globs);
}


