/**
 * Runs the rules over one file and returns its findings: severity overrides and suppression
 * comments applied, sorted by position. Each rule runs inside its own guard: a rule that throws
 * costs a log line, never the other rules' findings. Results of object-scope rules are memoised
 * on the parsed chunk, so an edit re-checks only the document it touched.
 */
import type { Finding, RelatedLocation, Severity, Span } from '../model/types';
import type { ObjectRule, RelatedInput, ReportInput, Rule } from '../rules/types';
import { ALL_RULES } from '../rules/registry';
import type { FileModel, KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Settings } from './settings';
import { parseSuppressions } from './suppressions';

export type Logger = (message: string) => void;

export interface AnalysisOptions {
  readonly settings: Settings;
  readonly log?: Logger;
  /** For tests: the rules to run (default: every registered rule). */
  readonly rules?: readonly Rule[];
}

/** What a finding's `data` holds, so fix builders can be found and run later. */
export interface FindingData {
  readonly ruleId: string;
  readonly base: number;
  readonly payload: unknown;
}

interface Raw {
  readonly rule: Rule;
  readonly input: ReportInput;
}

export function analyzeFile(index: WorkspaceIndex, uri: string, options: AnalysisOptions): Finding[] {
  const file = index.get(uri);
  if (!file || !options.settings.enable) return [];
  const rules = (options.rules ?? ALL_RULES).filter((r) => options.settings.rules[r.id] !== 'off');
  const log = options.log ?? (() => undefined);
  const out: Finding[] = [];

  for (const rule of rules) {
    if (rule.scope !== 'file') continue;
    guard(rule, log, uri, () =>
      rule.checkFile({
        file,
        index,
        reportSyntax: options.settings.reportSyntax,
        report: (input) => out.push(toFinding(file, rule, input, 0, options.settings)),
      }),
    );
  }

  if (!file.skip) {
    const objectRules = rules.filter((r): r is ObjectRule => r.scope !== 'file');
    const memoKey = 'findings|' + objectRules.filter((r) => r.scope === 'object').map((r) => r.id).join(',');
    for (const obj of file.objects) {
      const applicable = objectRules.filter((r) => r.kinds === 'any' || r.kinds.includes(obj.model.kind));
      for (const raw of objectFindings(obj, applicable, memoKey, index, log)) {
        out.push(toFinding(file, raw.rule, raw.input, obj.base, options.settings, index));
      }
    }
  }

  const sup = parseSuppressions(file.text, file.lineIndex);
  return out
    .filter((f) => !sup.isSuppressed(f.ruleId, file.lineIndex.positionAt(f.span.start).line))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

function objectFindings(obj: KObject, rules: readonly ObjectRule[], memoKey: string, index: WorkspaceIndex, log: Logger): Raw[] {
  const key = `${memoKey}|${obj.ordinal}`;
  let local = obj.chunk.memo.get(key) as Raw[] | undefined;
  if (!local) {
    local = [];
    for (const rule of rules) if (rule.scope === 'object') runObjectRule(rule, obj, index, log, local);
    obj.chunk.memo.set(key, local);
  }
  const all = [...local];
  // Namespace-local workspace rules: re-run only when the namespace (or anything cluster-wide, or
  // what they declare they read elsewhere) changed. Rules reading the same things share one entry.
  const byReads = new Map<string, ObjectRule[]>();
  for (const r of rules) {
    if (r.scope !== 'workspace' || r.locality !== 'namespace') continue;
    const reads = (r.reads ?? []).join(',');
    const list = byReads.get(reads);
    if (list) list.push(r);
    else byReads.set(reads, [r]);
  }
  for (const nsRules of byReads.values()) {
    const nsKey = `ns|${nsRules.map((r) => r.id).join(',')}|${obj.ordinal}`;
    const epoch = index.epochOf(obj, nsRules[0]!.reads);
    const cached = obj.chunk.memo.get(nsKey) as { epoch: string; raws: Raw[] } | undefined;
    if (cached && cached.epoch === epoch) all.push(...cached.raws);
    else {
      const raws: Raw[] = [];
      for (const rule of nsRules) runObjectRule(rule, obj, index, log, raws);
      obj.chunk.memo.set(nsKey, { epoch, raws });
      all.push(...raws);
    }
  }
  for (const rule of rules) if (rule.scope === 'workspace' && rule.locality !== 'namespace') runObjectRule(rule, obj, index, log, all);
  return all;
}

function runObjectRule(rule: ObjectRule, obj: KObject, index: WorkspaceIndex, log: Logger, into: Raw[]): void {
  guard(rule, log, obj.file.uri, () => rule.check({ obj, index, report: (input) => into.push({ rule, input }) }));
}

function guard(rule: Rule, log: Logger, uri: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    log(`rule ${rule.id} failed on ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

function toFinding(file: FileModel, rule: Rule, input: ReportInput, base: number, settings: Settings, index?: WorkspaceIndex): Finding {
  const override = settings.rules[rule.id];
  const severity: Severity = override && override !== 'off' ? override : (input.severity ?? rule.severity);
  const span = clamp(file, { start: base + input.span.start, end: base + input.span.end });
  const data: FindingData = { ruleId: rule.id, base, payload: input.data ?? null };
  return {
    uri: file.uri,
    ruleId: rule.id,
    severity,
    message: input.message,
    span,
    data,
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.related ? { related: input.related.map((r) => relatedOf(r, index)) } : {}),
  };
}

/** Related locations are resolved where their objects stand now: cached results may predate a shift. */
function relatedOf(r: RelatedInput, index: WorkspaceIndex | undefined): RelatedLocation {
  const target = index?.placementOf(r.obj.model) ?? r.obj;
  return { uri: target.file.uri, span: { start: target.base + r.span.start, end: target.base + r.span.end }, message: r.message };
}

function clamp(file: FileModel, span: Span): Span {
  const n = file.text.length;
  const start = Math.max(0, Math.min(span.start, n));
  // Invariant 5: a diagnostic stays on one line (a key broken over lines must not highlight both).
  const lineEnd = file.lineIndex.lineEnd(file.lineIndex.positionAt(start).line);
  return { start, end: Math.max(start, Math.min(span.end, n, lineEnd)) };
}
