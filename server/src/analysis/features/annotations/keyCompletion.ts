/**
 * Completion of annotation and label keys in `metadata.annotations` / `metadata.labels` (and the
 * pod template's), filtered by the object kind, without the keys already present. Works on a
 * half-typed line (a key without its colon yet): the typed prefix is replaced exactly.
 */
import { specsForKind } from '../../catalog/lookup';
import type { AnnotatedKind, AnnotationSpec } from '../../catalog/types';
import { asMap, asSeq, getIn, getPair, scalarString } from '../../yaml/nodes';
import type { KObject } from '../../workspace/fileModel';
import type { CompletionEntry, CompletionProvider } from '../types';
import { renderAnnotationMarkdown } from './markdown';
import { valueSnippet } from './insertText';
import { siblingKeys, textSite } from './site';
import { snippetEscape } from './yamlText';

const PRIMARY_PREFIX: Partial<Record<AnnotatedKind, string>> = {
  Ingress: 'alb.ingress.kubernetes.io/',
  Service: 'service.beta.kubernetes.io/',
};

export const annotationKeyCompletion: CompletionProvider = (ctx) => {
  const t = ctx.text;
  if (!t.atKey || t.prefix.startsWith('#') || t.prefix.startsWith('-')) return [];
  const site = textSite(ctx);
  if (!site) return [];
  const present = siblingKeys(ctx.file.text, ctx.offset, t.indent);
  const hasColon = ctx.file.text[t.prefixSpan.end] === ':';
  const quote = /^["']/.test(t.prefix) ? (t.prefix[0] as string) : '';
  const out: CompletionEntry[] = [];
  for (const spec of specsForKind(site.kind, site.metaKind)) {
    if (spec.writtenBy) continue;
    if (!spec.keyPattern && present.has(spec.key)) continue;
    const label = spec.keyPattern ? spec.key.replace(/\$\{([^}]+)\}/g, '<$1>') : spec.key;
    const key = spec.keyPattern ? keySnippet(spec) : snippetEscape(spec.key);
    out.push(entry(spec, label, key, hasColon, quote, site.kind, t.prefixSpan));
  }
  if (site.kind === 'Ingress' && site.obj) {
    // Concrete dynamic keys for the backends this Ingress names.
    for (const c of backendKeys(site.obj)) {
      if (present.has(c.key)) continue;
      out.push({ ...entry(c.spec, c.key, snippetEscape(c.key), hasColon, quote, site.kind, t.prefixSpan), sortText: `0_${c.key}` });
    }
  }
  return out;
};

function entry(spec: AnnotationSpec, label: string, keyText: string, hasColon: boolean, quote: string, kind: AnnotatedKind, replace: CompletionEntry['replace']): CompletionEntry {
  const value = hasColon ? '' : valueSnippet(spec);
  const insertText = hasColon ? keyText : `${keyText}: ${renumber(value, countStops(keyText))}`;
  const snippet = insertText !== unescapeSnippet(insertText) || /\$\{?\d/.test(insertText);
  return {
    label,
    kind: 'property',
    detail: `${spec.deprecated ? '(deprecated) ' : ''}${shortType(spec)}`,
    documentation: renderAnnotationMarkdown(spec),
    insertText: snippet ? insertText : unescapeSnippet(insertText),
    ...(snippet ? { snippet: true } : {}),
    replace,
    sortText: `${group(spec, kind)}_${spec.key}`,
    filterText: quote + (spec.keyPattern && label.includes('<') ? label.slice(0, label.indexOf('<')) : label),
    ...(spec.deprecated ? { deprecated: true } : {}),
  };
}

function group(spec: AnnotationSpec, kind: AnnotatedKind): number {
  if (spec.deprecated) return 3;
  if (spec.reader === 'in-tree') return 2;
  const primary = PRIMARY_PREFIX[kind];
  return !primary || spec.key.startsWith(primary) ? 0 : 1;
}

/** A few words on the value: shown next to the key in the completion list. */
export function shortType(spec: AnnotationSpec): string {
  if (spec.type === 'boolean') return 'boolean';
  if (spec.enum) return spec.enum.join(' | ');
  switch (spec.type) {
    case 'integer':
      return 'integer';
    case 'stringList':
      return 'comma-separated list';
    case 'stringMap':
      return 'key=value,…';
    case 'json':
      return 'JSON';
    default:
      return 'string';
  }
}

const PLACEHOLDER_DEFAULTS: Readonly<Record<string, string>> = {
  Port: '443',
  port: '80',
  servicePort: '80',
  serviceName: 'service-name',
  'conditions-name': 'service-name',
  'transforms-name': 'service-name',
};

/** A dynamic key as a snippet: each `${name}` becomes a tab stop (a choice for protocols). */
function keySnippet(spec: AnnotationSpec): string {
  let n = 0;
  const protocols = /\(((?:[A-Z_]+\|)+[A-Z_]+)\)/.exec(spec.keyPattern ?? '')?.[1]?.split('|');
  const parts = spec.key.split(/(\$\{[^}]+\})/);
  return parts
    .map((p) => {
      const m = /^\$\{([^}]+)\}$/.exec(p);
      if (!m) return snippetEscape(p);
      const name = m[1] as string;
      n++;
      if (/^protocol$/i.test(name) && protocols) return `\${${n}|${protocols.join(',')}|}`;
      return `\${${n}:${snippetEscape(PLACEHOLDER_DEFAULTS[name] ?? name)}}`;
    })
    .join('');
}

function countStops(snippet: string): number {
  let max = 0;
  for (const m of snippet.matchAll(/(?<!\\)\$\{?(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

function renumber(snippet: string, by: number): string {
  return by === 0 ? snippet : snippet.replace(/(?<!\\)\$(\{?)(\d+)/g, (_all, brace: string, n: string) => `$${brace}${Number(n) + by}`);
}

function unescapeSnippet(s: string): string {
  return s.replace(/\\([\\$}])/g, '$1');
}

interface BackendKey {
  readonly key: string;
  readonly spec: AnnotationSpec;
}

/** `actions.<name>` for `use-annotation` backends, `conditions.<name>` for every backend Service. */
function backendKeys(obj: KObject): BackendKey[] {
  const { root, anchors } = obj.model;
  const specs = specsForKind('Ingress');
  const actions = specs.find((s) => s.key.startsWith('alb.ingress.kubernetes.io/actions.'));
  const conditions = specs.find((s) => s.key.startsWith('alb.ingress.kubernetes.io/conditions.'));
  const out = new Map<string, BackendKey>();
  const visit = (backend: unknown) => {
    const svc = asMap(getIn(backend, ['service'], anchors), anchors);
    const name = scalarString(getPair(svc, 'name')?.value, anchors);
    if (!name || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return;
    const portName = scalarString(getIn(svc, ['port', 'name'], anchors), anchors);
    if (portName === 'use-annotation' && actions) out.set(`a${name}`, { key: `alb.ingress.kubernetes.io/actions.${name}`, spec: actions });
    if (conditions) out.set(`c${name}`, { key: `alb.ingress.kubernetes.io/conditions.${name}`, spec: conditions });
  };
  visit(getIn(root, ['spec', 'defaultBackend'], anchors));
  for (const rule of asSeq(getIn(root, ['spec', 'rules'], anchors), anchors)?.items ?? []) {
    for (const p of asSeq(getIn(rule, ['http', 'paths'], anchors), anchors)?.items ?? []) visit(getIn(p, ['backend'], anchors));
  }
  return [...out.values()];
}
