/**
 * Runs the rules over one file and returns its findings: severity overrides and suppression
 * comments applied, sorted by position. Each rule runs inside its own guard: a rule that throws
 * costs a log line, never the other rules' findings. Results are kept on each object (which
 * outlives edits elsewhere in its file): object-scope results for as long as its text is
 * unchanged, namespace-local ones until their epoch changes (WorkspaceIndex.epochOf). An edit
 * re-checks the document it touched and what its namespace's rules see.
 */
import type { Finding, RelatedLocation, Severity, Span } from '../model/types';
import type { FileRule, ObjectRule, RelatedInput, ReportInput, Rule } from '../rules/types';
import { ALL_RULES } from '../rules/registry';
import type { FileModel, KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Settings } from './settings';
import { NO_SUPPRESSIONS, parseSuppressions } from './suppressions';

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
  const plan = planOf((options.rules ?? ALL_RULES).filter((r) => options.settings.rules[r.id] !== 'off'));
  const log = options.log ?? (() => undefined);
  const out: Finding[] = [];

  for (const rule of plan.fileRules) {
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
    for (const obj of file.objects) {
      for (const raw of objectFindings(obj, plan, index, log)) {
        out.push(toFinding(file, raw.rule, raw.input, obj.base, options.settings, index));
      }
    }
  }

  const sup = file.mentionsSuppression ? parseSuppressions(file.text, file.lineIndex) : NO_SUPPRESSIONS;
  return (sup === NO_SUPPRESSIONS ? out : out.filter((f) => !sup.isSuppressed(f.ruleId, file.lineIndex.positionAt(f.span.start).line)))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

/** The rules that apply to one kind, grouped by how their results are cached. */
interface KindPlan {
  readonly local: readonly ObjectRule[];
  /** Workspace rules with a locality, by locality and what they read: re-run when that changed. */
  readonly groups: readonly { readonly cluster: boolean; readonly reads: readonly string[]; readonly rules: readonly ObjectRule[] }[];
  /** Workspace rules that are re-run every time. */
  readonly always: readonly ObjectRule[];
}

interface Plan {
  readonly fileRules: readonly FileRule[];
  forKind(kind: string): KindPlan;
}

/** One plan per set of enabled rules (there are few: the settings rarely change). */
const plans = new Map<string, Plan>();

function planOf(rules: readonly Rule[]): Plan {
  const key = rules.map((r) => r.id).join(',');
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size > 50) plans.clear();
    const objectRules = rules.filter((r): r is ObjectRule => r.scope !== 'file');
    const byKind = new Map<string, KindPlan>();
    plan = {
      fileRules: rules.filter((r): r is FileRule => r.scope === 'file'),
      forKind(kind) {
        let k = byKind.get(kind);
        if (!k) byKind.set(kind, (k = kindPlan(objectRules.filter((r) => r.kinds === 'any' || r.kinds.includes(kind)))));
        return k;
      },
    };
    plans.set(key, plan);
  }
  return plan;
}

function kindPlan(rules: readonly ObjectRule[]): KindPlan {
  const byReads = new Map<string, ObjectRule[]>();
  for (const r of rules) {
    if (r.scope !== 'workspace' || !r.locality) continue;
    const reads = `${r.locality}|${(r.reads ?? []).join(',')}`;
    const list = byReads.get(reads);
    if (list) list.push(r);
    else byReads.set(reads, [r]);
  }
  return {
    local: rules.filter((r) => r.scope === 'object'),
    groups: [...byReads.values()].map((list) => ({ cluster: list[0]!.locality === 'cluster', reads: list[0]!.reads ?? [], rules: list })),
    always: rules.filter((r) => r.scope === 'workspace' && !r.locality),
  };
}

/** What the engine keeps on an object between runs (see KObject.engineCache). */
interface ObjectResults {
  /** The set of rules the results are for, and its plan for the object's kind. */
  readonly rules: Plan;
  readonly plan: KindPlan;
  readonly local: readonly Raw[];
  /** Per group of the plan: the epoch its results were computed at (WorkspaceIndex.epochOf, in two parts), and the results. */
  readonly objectEpochs: (string | undefined)[];
  readonly readsEpochs: (string | undefined)[];
  readonly groupRaws: (readonly Raw[])[];
  all: readonly Raw[] | undefined;
}

function objectFindings(obj: KObject, rules: Plan, index: WorkspaceIndex, log: Logger): readonly Raw[] {
  let r = obj.engineCache as ObjectResults | undefined;
  if (!r || r.rules !== rules) {
    const plan = rules.forKind(obj.model.kind);
    const local: Raw[] = [];
    for (const rule of plan.local) runObjectRule(rule, obj, index, log, local);
    obj.engineCache = r = { rules, plan, local, objectEpochs: [], readsEpochs: [], groupRaws: [], all: undefined };
  }
  const plan = r.plan;
  let objectEpoch: string | undefined;
  for (let g = 0; g < plan.groups.length; g++) {
    const group = plan.groups[g]!;
    const epoch = group.cluster ? index.clusterEpochOf(obj) : (objectEpoch ??= index.objectEpoch(obj));
    const readsEpoch = index.readsEpoch(obj, group.reads);
    if (r.objectEpochs[g] === epoch && r.readsEpochs[g] === readsEpoch) continue;
    const raws: Raw[] = [];
    for (const rule of group.rules) runObjectRule(rule, obj, index, log, raws);
    r.objectEpochs[g] = epoch;
    r.readsEpochs[g] = readsEpoch;
    r.groupRaws[g] = raws;
    r.all = undefined;
  }
  r.all ??= r.groupRaws.length ? r.local.concat(...r.groupRaws) : r.local;
  if (!plan.always.length) return r.all;
  const all = [...r.all];
  for (const rule of plan.always) runObjectRule(rule, obj, index, log, all);
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
  const payload = typeof input.data === 'function' ? (input.data as () => unknown)() : input.data;
  const data: FindingData = { ruleId: rule.id, base, payload: payload ?? null };
  return {
    uri: file.uri,
    ruleId: rule.id,
    severity,
    message: input.message,
    span,
    data,
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.related ? { related: input.related.slice(0, MAX_RELATED).map((r) => relatedOf(r, index)) } : {}),
  };
}

/**
 * At most this many related locations per finding: enough to find the other side of a conflict
 * (messages name the first few and count the rest); a group of fifty members would otherwise send
 * fifty locations with each of its fifty findings.
 */
export const MAX_RELATED = 5;

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
