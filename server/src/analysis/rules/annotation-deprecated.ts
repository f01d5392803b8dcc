import { parseGoBool, parseStringMap } from '../catalog/parseValue';
import { TARGET_TYPE_KEY } from '../kube/serviceController';
import type { Span } from '../model/types';
import { deletePair, insertAfter, ownAnnotations, replaceValue, valueEntries } from './support/annotations';
import { serviceControllerOf } from './support/services';
import type { ObjectRule } from './types';

const SVC = 'service.beta.kubernetes.io/aws-load-balancer-';
const SCHEME = `${SVC}scheme`;
const ATTRIBUTES = `${SVC}attributes`;
/** Legacy single-purpose Service keys and the `aws-load-balancer-attributes` entry replacing each. */
const TO_ATTRIBUTE: ReadonlyMap<string, { attr: string; bool: boolean }> = new Map([
  [`${SVC}cross-zone-load-balancing-enabled`, { attr: 'load_balancing.cross_zone.enabled', bool: true }],
  [`${SVC}access-log-enabled`, { attr: 'access_logs.s3.enabled', bool: true }],
  [`${SVC}access-log-s3-bucket-name`, { attr: 'access_logs.s3.bucket', bool: false }],
  [`${SVC}access-log-s3-bucket-prefix`, { attr: 'access_logs.s3.prefix', bool: false }],
]);
/** Keys the in-tree provider still reads (and only understands): deprecated only when the LBC handles the Service. */
const IN_TREE_STILL_READS = new Set([`${SVC}internal`, ...TO_ATTRIBUTE.keys()]);
/** Reported by rules of their own. */
const ELSEWHERE = new Set(['kubernetes.io/ingress.class']);

interface Payload {
  readonly title: string;
  readonly edits: readonly { readonly span: Span; readonly text: string }[];
}

export const rule: ObjectRule = {
  id: 'annotation-deprecated',
  title: 'Deprecated annotation or value',
  description: 'Annotations and values that still work but have a successor: `aws-load-balancer-internal` (use `aws-load-balancer-scheme`), the single-purpose access-log and cross-zone keys (use `aws-load-balancer-attributes`), WAF Classic ids (use WAFv2), `load-balancer-source-ranges` (use `spec.loadBalancerSourceRanges`), `aws-load-balancer-type: nlb-ip`.',
  remediation: 'Replace the key or value with its successor; the quick fix does it where the translation is exact.',
  severity: 'info',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: 'Deprecated keys keep working for now, but they are no longer documented, some interact with their successors in surprising ways (the legacy access-log and cross-zone keys win over `aws-load-balancer-attributes`), and WAF Classic is a legacy AWS service. Keys that the in-tree provider still needs are only reported when the AWS Load Balancer Controller handles the Service.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    service.beta.kubernetes.io/aws-load-balancer-internal: "true"\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  },
  check({ obj, report }) {
    const text = obj.chunk.text;
    const own = ownAnnotations(obj);
    const lbc = obj.model.kind === 'Service' && serviceControllerOf(obj).by === 'aws-load-balancer-controller';
    for (const e of valueEntries(obj)) {
      const spec = e.spec;
      if (ELSEWHERE.has(e.key) || spec.reader === 'none') continue;
      if (spec.deprecated) {
        if (IN_TREE_STILL_READS.has(e.key) && !lbc) continue;
        const repl = spec.deprecated.replacement;
        let fix: Payload | undefined;
        if (e.key === `${SVC}internal` && e.owner === 'object') {
          const b = parseGoBool(e.value);
          const scheme = own.get(SCHEME);
          if (scheme) {
            const del = deletePair(text, e);
            if (del) fix = { title: `Remove ${e.key} (${SCHEME} is set and wins)`, edits: [{ span: del, text: '' }] };
          } else if (b !== undefined) {
            const v = b ? 'internal' : 'internet-facing';
            fix = { title: `Replace with ${SCHEME}: ${v}`, edits: [{ span: e.keySpan, text: SCHEME }, replaceValue(e, v, '')] };
          }
        }
        const attr = TO_ATTRIBUTE.get(e.key);
        if (attr && e.owner === 'object') {
          const v = attr.bool ? String(parseGoBool(e.value) ?? '') : e.value;
          if (v && !/[,=\\]/.test(v)) {
            const target = own.get(ATTRIBUTES);
            if (!target) {
              const legacy = [...own.keys()].filter((k) => TO_ATTRIBUTE.has(k));
              if (legacy.length === 1) fix = { title: `Replace with ${ATTRIBUTES}: ${attr.attr}=${v}`, edits: [{ span: e.keySpan, text: ATTRIBUTES }, replaceValue(e, `${attr.attr}=${v}`, '')] };
            } else if (target.value !== undefined && target.scalar && target.valueSpan && !target.templated) {
              const parsed = parseStringMap(target.value);
              if (parsed.problems.length === 0) {
                const entries = parsed.entries.map((x) => `${x.key}=${x.key === attr.attr ? v : x.value}`);
                if (!parsed.entries.some((x) => x.key === attr.attr)) entries.push(`${attr.attr}=${v}`);
                const del = deletePair(text, e);
                if (del && !/\\/.test(target.value)) fix = { title: `Move to ${ATTRIBUTES} as ${attr.attr}=${v}`, edits: [replaceValue({ scalar: target.scalar, valueSpan: trimEnd(text, target.valueSpan) }, entries.join(','), ''), { span: del, text: '' }] };
              }
            }
          }
        }
        report({
          span: e.keySpan,
          message: `Annotation "${e.key}" is deprecated${repl ? ` in favour of "${repl}"` : ''}. ${stripMd(spec.deprecated.message)}`,
          tags: ['deprecated'],
          ...(fix ? { data: fix } : {}),
        });
        continue;
      }
      const dv = spec.deprecatedValues?.find((d) => d.value === e.value);
      if (dv) {
        let fix: Payload | undefined;
        if (e.key === `${SVC}type` && e.value === 'nlb-ip' && e.owner === 'object') {
          const tt = own.get(TARGET_TYPE_KEY);
          const edits: { span: Span; text: string }[] = [replaceValue(e, 'external', '')];
          if (!tt) {
            const ins = insertAfter(text, e, TARGET_TYPE_KEY, 'ip');
            if (ins) edits.push(ins);
          } else if (tt.value !== 'ip' && tt.scalar && tt.valueSpan) edits.push(replaceValue({ scalar: tt.scalar, valueSpan: trimEnd(text, tt.valueSpan) }, 'ip', ''));
          fix = { title: `Replace with "external" and ${TARGET_TYPE_KEY}: ip`, edits };
        }
        report({
          span: trimEnd(text, e.valueSpan),
          message: `The value "${e.value}" of annotation "${e.key}" is deprecated${dv.replacement ? ` in favour of "${dv.replacement}"` : ''}. ${stripMd(dv.message)}`,
          tags: ['deprecated'],
          ...(fix ? { data: fix } : {}),
        });
      }
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.edits?.length) return [];
    return [ctx.fix(p.title, p.edits.map((e) => ctx.edit(e.span, e.text)), true)];
  },
};

function stripMd(s: string): string {
  return s.replace(/`/g, '');
}

function trimEnd(text: string, s: Span): Span {
  let end = s.end;
  while (end > s.start && /\s/.test(text[end - 1] as string)) end--;
  return { start: s.start, end };
}
