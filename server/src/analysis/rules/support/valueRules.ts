/**
 * The value rules (boolean, integer, range, enum, format, string map) share one pass over an
 * object's annotations: each rule reports the problems of its own kind, and all of them share the
 * same fix builder (replace the value scalar).
 */
import { validateValue, ValueProblem, ValueProblemKind } from '../../catalog/validateValue';
import type { Span } from '../../model/types';
import type { KObject } from '../../workspace/fileModel';
import type { FixBuilder, ObjectContext } from '../types';
import { innerSpan, oneLine, replaceValue, valueEntries, ValueFixPayload } from './annotations';
import { serviceControllerOf } from './services';

interface Found {
  readonly span: Span;
  readonly problem: ValueProblem;
  readonly fix?: ValueFixPayload;
}

function problemsOf(obj: KObject): Found[] {
  const memoKey = `annotationValueProblems|${obj.ordinal}`;
  const cached = obj.chunk.memo.get(memoKey) as Found[] | undefined;
  if (cached) return cached;
  const out: Found[] = [];
  const text = obj.chunk.text;
  for (const e of valueEntries(obj)) {
    if (skipForReader(obj, e.key, e.spec.reader)) continue;
    let vspan = e.valueSpan;
    let end = vspan.end;
    while (end > vspan.start && /\s/.test(text[end - 1] as string)) end--;
    vspan = { start: vspan.start, end };
    for (const p of validateValue(e.spec, e.key, e.value)) {
      let fix: ValueFixPayload | undefined;
      if (p.edit) {
        const next = e.value.slice(0, p.edit.start) + p.edit.text + e.value.slice(p.edit.end);
        fix = replaceValue({ scalar: e.scalar, valueSpan: vspan }, next, p.edit.title);
      }
      const span = oneLine(text, p.start === 0 && p.end === e.value.length ? vspan : innerSpan(text, e.scalar, p.start, p.end, e.keySpan), e.keySpan);
      out.push({ span: span.end > vspan.end ? vspan : span, problem: p, ...(fix ? { fix } : {}) });
    }
  }
  obj.chunk.memo.set(memoKey, out);
  return out;
}

/**
 * Keys read by both providers where the in-tree provider is more lenient: when the in-tree
 * provider handles the Service, `aws-load-balancer-internal` takes any non-empty value.
 */
function skipForReader(obj: KObject, key: string, reader: string): boolean {
  if (key !== 'service.beta.kubernetes.io/aws-load-balancer-internal' || reader !== 'both') return false;
  return serviceControllerOf(obj).by !== 'aws-load-balancer-controller';
}

export function reportValueProblems(ctx: ObjectContext, kind: ValueProblemKind): void {
  for (const f of problemsOf(ctx.obj)) {
    if (f.problem.kind !== kind) continue;
    ctx.report({ span: f.span, message: f.problem.message, ...(f.fix ? { data: f.fix } : {}) });
  }
}

export const valueFix: FixBuilder = (data, ctx) => {
  const p = data as ValueFixPayload | null;
  if (!p?.span || typeof p.text !== 'string') return [];
  return [ctx.fix(p.title, [ctx.edit(p.span, p.text)], true)];
};
