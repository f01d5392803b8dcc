/**
 * What an Ingress refers to: its backends (rules and defaultBackend, `networking.k8s.io/v1` and
 * the old `serviceName`/`servicePort` form), `use-annotation` backends, the Services inside
 * `actions.<name>` forwardConfig, its annotations with their spans, and its class. Extraction
 * depends only on the object's text, so it is memoised on the parsed chunk.
 */
import type { Span } from '../model/types';
import type { KObject } from '../workspace/fileModel';
import { asMap, asSeq, getIn, getPair, isTemplated, keyName, pairs, scalarString, spanOf, YPair } from '../yaml/nodes';

export const ALB = 'alb.ingress.kubernetes.io/';
export const ACTIONS = `${ALB}actions.`;
export const CONDITIONS = `${ALB}conditions.`;
export const TRANSFORMS = `${ALB}transforms.`;
export const USE_ANNOTATION = 'use-annotation';

export interface AnnotationEntry {
  readonly key: string;
  readonly value: string | undefined;
  readonly pair: YPair;
  readonly keySpan: Span;
  readonly valueSpan: Span | undefined;
}

export interface BackendRef {
  readonly serviceName: string;
  /** Chunk-relative span of the Service name. */
  readonly nameSpan: Span;
  /** The port as written: a number or a port name; undefined when absent. */
  readonly port: number | string | undefined;
  readonly portSpan: Span | undefined;
  readonly useAnnotation: boolean;
  /** Set for Services named inside an `actions.<name>` annotation's forwardConfig. */
  readonly fromAction?: string;
}

export interface IngressFacts {
  readonly annotations: readonly AnnotationEntry[];
  readonly backends: readonly BackendRef[];
  readonly className: { readonly value: string; readonly span: Span } | undefined;
}

export function ingressFacts(obj: KObject): IngressFacts {
  const key = `xref:ingress|${obj.ordinal}`;
  let f = obj.chunk.memo.get(key) as IngressFacts | undefined;
  if (!f) {
    f = extract(obj);
    obj.chunk.memo.set(key, f);
  }
  return f;
}

export function annotation(f: IngressFacts, key: string): AnnotationEntry | undefined {
  return f.annotations.find((a) => a.key === key);
}

function extract(obj: KObject): IngressFacts {
  const { root, anchors } = obj.model;
  const annotations: AnnotationEntry[] = [];
  for (const p of pairs(asMap(getIn(root, ['metadata', 'annotations'], anchors), anchors))) {
    const k = keyName(p);
    const keySpan = spanOf(p.key);
    if (k === undefined || !keySpan) continue;
    annotations.push({ key: k, value: scalarString(p.value, anchors), pair: p, keySpan, valueSpan: spanOf(p.value) });
  }
  const backends: BackendRef[] = [];
  const spec = asMap(getPair(root, 'spec')?.value, anchors);
  const addBackend = (node: unknown) => {
    const b = asMap(node, anchors);
    if (!b) return;
    const svc = asMap(getPair(b, 'service')?.value, anchors);
    let namePair: YPair | undefined;
    let portNode: unknown;
    if (svc) {
      namePair = getPair(svc, 'name');
      const port = asMap(getPair(svc, 'port')?.value, anchors);
      portNode = getPair(port, 'name')?.value ?? getPair(port, 'number')?.value;
    } else {
      namePair = getPair(b, 'serviceName');
      portNode = getPair(b, 'servicePort')?.value;
    }
    const serviceName = scalarString(namePair?.value, anchors);
    const nameSpan = spanOf(namePair?.value);
    if (!serviceName || !nameSpan) return;
    const raw = scalarString(portNode, anchors);
    const port = raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : raw;
    backends.push({ serviceName, nameSpan, port, portSpan: spanOf(portNode), useAnnotation: port === USE_ANNOTATION });
  };
  addBackend(getPair(spec, 'defaultBackend')?.value ?? getPair(spec, 'backend')?.value);
  for (const rule of asSeq(getPair(spec, 'rules')?.value, anchors)?.items ?? []) {
    for (const path of asSeq(getIn(rule, ['http', 'paths'], anchors), anchors)?.items ?? []) addBackend(getPair(asMap(path, anchors), 'backend')?.value);
  }
  for (const a of annotations) {
    if (a.key.startsWith(ACTIONS) && a.value && a.valueSpan) backends.push(...actionBackends(a, obj.chunk.text));
  }
  const cn = getPair(spec, 'ingressClassName');
  const cv = scalarString(cn?.value, anchors);
  const cs = spanOf(cn?.value);
  return { annotations, backends, className: cv && cs ? { value: cv, span: cs } : undefined };
}

/** Field lookup the way Go's encoding/json does it: exact name first, then case-insensitive. */
export function field(o: unknown, name: string): unknown {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const rec = o as Record<string, unknown>;
  if (name in rec) return rec[name];
  const k = Object.keys(rec).find((x) => x.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : rec[k];
}

/** Services named in a forward action's targetGroups, with spans found in the raw value text. */
function actionBackends(a: AnnotationEntry, chunkText: string): BackendRef[] {
  let json: unknown;
  try {
    json = JSON.parse(a.value as string);
  } catch {
    return []; // the annotation rules report malformed JSON
  }
  const groups = field(field(json, 'forwardConfig'), 'targetGroups');
  if (!Array.isArray(groups)) return [];
  const raw = chunkText.slice(a.valueSpan!.start, a.valueSpan!.end);
  const out: BackendRef[] = [];
  let searchFrom = 0;
  for (const g of groups) {
    const name = field(g, 'serviceName');
    if (typeof name !== 'string' || !name || isTemplated(name)) continue;
    const portRaw = field(g, 'servicePort');
    const port = typeof portRaw === 'number' ? portRaw : typeof portRaw === 'string' ? (/^\d+$/.test(portRaw) ? Number(portRaw) : portRaw) : undefined;
    const re = new RegExp(`"serviceName"\\s*:\\s*"(${escapeRe(name)})"`, 'ig');
    re.lastIndex = searchFrom;
    const m = re.exec(raw);
    let nameSpan = a.valueSpan!;
    if (m) {
      const at = a.valueSpan!.start + m.index + m[0].length - name.length - 1;
      nameSpan = { start: at, end: at + name.length };
      searchFrom = m.index + m[0].length;
    }
    out.push({ serviceName: name, nameSpan, port, portSpan: undefined, useAnnotation: false, fromAction: a.key.slice(ACTIONS.length) });
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
