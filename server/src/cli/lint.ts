/** `eksnet lint`: reads the given files and folders, analyses them as one workspace, reports. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, isExcluded as isExcludedRel, LanguageService, mergeSettings, Settings } from '../analysis';
import { findSettingsFile, loadSettingsFile } from '../node/settingsFile';
import { findYamlFiles } from '../node/findYamlFiles';
import { readTextSync } from '../node/readText';
import type { CliFinding, CliReport } from './report';
import { UsageError } from './args';

export interface LintOptions {
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly noConfig: boolean;
  readonly quiet: boolean;
  readonly cwd: string;
  readonly log: (message: string) => void;
}

export async function lint(o: LintOptions): Promise<CliReport> {
  const { settings, root } = loadSettings(o);
  const files = await collectFiles(o, settings, root);
  const service = new LanguageService(o.log, settings.maxFileSize);
  const uris: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readTextSync(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    const uri = pathToFileURL(file).href;
    service.setFile(uri, text);
    uris.push(uri);
  }
  const findings: CliFinding[] = [];
  let documents = 0;
  uris.forEach((uri, i) => {
    const model = service.index.get(uri);
    if (!model) return;
    documents += model.chunks.reduce((n, c) => n + c.parsed.docs.filter((d) => d.contents !== null && d.contents !== undefined).length, 0);
    const rel = path.relative(o.cwd, files[i] as string).split(path.sep).join('/');
    for (const f of service.validate(uri, settings)) {
      if (o.quiet && f.severity !== 'error') continue;
      const s = model.lineIndex.positionAt(f.span.start);
      const e = model.lineIndex.positionAt(f.span.end);
      findings.push({ file: rel, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.ruleId, message: f.message });
    }
  });
  return {
    findings,
    summary: {
      files: uris.length,
      documents,
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


