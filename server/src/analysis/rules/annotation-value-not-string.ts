import { isAlias, isMap, isScalar, isSeq, Scalar } from 'yaml';
import { annotationMaps } from '../kube/metadata';
import type { Span } from '../model/types';
import { deref, spanOf, toPlain } from '../yaml/nodes';
import type { ObjectRule } from './types';

/** Plain scalars that kubectl's YAML 1.1 reader turns into booleans or numbers. */
const YAML11_BOOL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const YAML11_NUMBER =
  /^([-+]?(0|[1-9][0-9_]*)|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+|[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;

interface Payload {
  /** Chunk-relative span to replace. */
  readonly span: Span;
  readonly replacement: string;
}

export const rule: ObjectRule = {
  id: 'annotation-value-not-string',
  title: 'Annotation value is not a string',
  description: 'Annotation values must be strings. Unquoted `true`, `15`, `yes` or a YAML list/map are read as booleans, numbers or collections, and the API server rejects the object.',
  remediation: 'Quote the value ("15", "true"); write structured values as a quoted JSON string.',
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: 'Kubernetes stores annotations as a map of strings. kubectl reads YAML with YAML 1.1 rules, so `15`, `true`, `yes` and `on` become numbers or booleans, and the request fails with "cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string". JSON-valued annotations such as `listen-ports` must be written as one quoted string, not as a YAML list.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-interval-seconds: 15\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "15"\n',
  },
  check({ obj, report }) {
    const { anchors } = obj.model;
    for (const { map } of annotationMaps(obj.model)) {
      for (const item of map.items) {
        const key = isScalar(item.key) ? String(item.key.value) : undefined;
        const keySpan = spanOf(item.key);
        const value = item.value;
        if (key === undefined || !keySpan || value === null || value === undefined) continue;
        if (isAlias(value)) {
          // `*name`: what counts is the anchored node's type. There is no quick fix: quoting the
          // anchor would change every other place that uses it.
          const target = deref(value, anchors);
          const vspan = spanOf(value);
          const what = isSeq(target) ? 'a YAML list' : isMap(target) ? 'a YAML mapping' : isScalar(target) ? plainKind(target) && `a ${plainKind(target)}` : undefined;
          if (!what || !vspan) continue;
          report({
            span: vspan,
            message: `The value of annotation "${key}" is the alias ${value.source === undefined ? '' : `*${value.source} `}to ${what}; annotation values must be strings and the API server rejects this object. Write the value here as a quoted string.`,
          });
        } else if (isScalar(value)) {
          const kindOf = plainKind(value);
          if (!kindOf) continue;
          const vspan = spanOf(value);
          if (!vspan) continue;
          const src = obj.chunk.text.slice(vspan.start, vspan.end);
          report({
            span: vspan,
            message: `The value of annotation "${key}" is ${src} without quotes, which kubectl reads as a ${kindOf}; annotation values must be strings and the API server rejects this object. Quote it: "${src}".`,
            data: { span: vspan, replacement: JSON.stringify(src) } satisfies Payload,
          });
        } else if (isMap(value) || isSeq(value)) {
          const vspan = spanOf(value);
          if (!vspan) continue;
          const what = isSeq(value) ? 'a YAML list' : 'a YAML mapping';
          const plain = toPlain(value, anchors, 2000);
          const json = plain === undefined ? undefined : JSON.stringify(plain);
          const colon = obj.chunk.text.indexOf(':', keySpan.end);
          let end = vspan.end;
          while (end > vspan.start && /\s/.test(obj.chunk.text[end - 1] as string)) end--;
          const replaceSpan = { start: colon >= 0 ? colon : keySpan.end, end };
          report({
            span: keySpan,
            message: `The value of annotation "${key}" is ${what}; annotation values must be strings and the API server rejects this object. Write it as one quoted JSON string${json && json.length < 80 ? `: '${json}'` : ''}.`,
            ...(json ? { data: { span: replaceSpan, replacement: `: '${json.replace(/'/g, "''")}'` } satisfies Payload } : {}),
          });
        }
      }
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Quote the value as ${p.replacement.replace(/^: /, '')}`, [ctx.edit(p.span, p.replacement)], true)];
  },
};

function plainKind(s: Scalar): 'boolean' | 'number' | undefined {
  if (s.type !== 'PLAIN') return undefined;
  const src = typeof s.source === 'string' ? s.source : String(s.value);
  if (typeof s.value === 'boolean' || YAML11_BOOL.test(src)) return 'boolean';
  if (typeof s.value === 'number' || YAML11_NUMBER.test(src)) return 'number';
  return undefined;
}
