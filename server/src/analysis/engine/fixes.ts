/** Quick fixes: finds the rule that produced a finding and asks its fix builder for edits. */
import type { Fix, Span, TextEdit } from '../model/types';
import { RULES_BY_ID } from '../rules/registry';
import type { FixContext } from '../rules/types';
import type { FileModel } from '../workspace/fileModel';
import type { FindingData } from './analyze';
import type { Logger } from './analyze';

export function fixesFor(file: FileModel, data: unknown, log: Logger = () => undefined, fileOf: (uri: string) => FileModel | undefined = () => undefined): Fix[] {
  if (!isFindingData(data)) return [];
  const rule = RULES_BY_ID.get(data.ruleId);
  if (!rule?.fix) return [];
  const ctx: FixContext = {
    file,
    base: data.base,
    edit: (span: Span, newText: string): TextEdit => ({ span: { start: data.base + span.start, end: data.base + span.end }, newText }),
    fix: (title, edits, isPreferred) => ({ title, edits: [{ uri: file.uri, edits }], ...(isPreferred ? { isPreferred } : {}) }),
    fileOf: (uri) => (uri === file.uri ? file : fileOf(uri)),
  };
  try {
    // Edits must fall inside the file they edit (a fix may edit a referenced object in another file).
    return rule.fix(data.payload, ctx).filter((f) =>
      f.edits.every((e) => {
        const target = e.uri === file.uri ? file : fileOf(e.uri);
        return !!target && e.edits.every((t) => inside(target, t.span));
      }),
    );
  } catch (e) {
    log(`fix of ${data.ruleId} failed on ${file.uri}: ${String(e)}`);
    return [];
  }
}

function inside(file: FileModel, s: Span): boolean {
  return s.start >= 0 && s.end >= s.start && s.end <= file.text.length;
}

function isFindingData(d: unknown): d is FindingData {
  return !!d && typeof d === 'object' && typeof (d as FindingData).ruleId === 'string' && typeof (d as FindingData).base === 'number';
}
