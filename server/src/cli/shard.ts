/**
 * The two halves of `eksnet lint`, shared by the in-process run and the lint workers: reading
 * every file into one LanguageService (cross-file rules need the whole workspace), and validating
 * some of them into plain CLI records.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService, Logger, Settings } from '../analysis';
import { readTextSync } from '../node/readText';
import type { CliFinding } from './report';
import { UsageError } from './args';

/** What linting one file gives: plain data, so that it can come back from a worker thread. */
export interface FileResult {
  /** Non-empty YAML documents in the file. */
  readonly documents: number;
  readonly findings: readonly CliFinding[];
}

export interface LoadedWorkspace {
  readonly service: LanguageService;
  /** The URI of `files[i]`. */
  readonly uris: readonly string[];
}

/** Reads and parses every file, in order. An unreadable file is a usage error naming it. */
export function loadWorkspace(files: readonly string[], maxFileSize: number, log: Logger): LoadedWorkspace {
  const service = new LanguageService(log, maxFileSize);
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
  return { service, uris };
}

export interface ValidateOptions {
  readonly files: readonly string[];
  readonly settings: Settings;
  readonly quiet: boolean;
  /** Paths are reported relative to this folder, with forward slashes. */
  readonly cwd: string;
}

/** Validates `files[i]` of a loaded workspace. */
export function validateFile(ws: LoadedWorkspace, i: number, o: ValidateOptions): FileResult {
  const uri = ws.uris[i] as string;
  const model = ws.service.index.get(uri);
  if (!model) return { documents: 0, findings: [] };
  const documents = model.chunks.reduce((n, c) => n + c.parsed.docs.filter((d) => d.contents !== null && d.contents !== undefined).length, 0);
  const rel = path.relative(o.cwd, o.files[i] as string).split(path.sep).join('/');
  const findings: CliFinding[] = [];
  for (const f of ws.service.validate(uri, o.settings)) {
    if (o.quiet && f.severity !== 'error') continue;
    const s = model.lineIndex.positionAt(f.span.start);
    const e = model.lineIndex.positionAt(f.span.end);
    findings.push({ file: rel, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.ruleId, message: f.message });
  }
  return { documents, findings };
}
