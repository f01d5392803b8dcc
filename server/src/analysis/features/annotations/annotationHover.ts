/**
 * Hover on an annotation or label key (its full documentation) or value (what the value means,
 * then the key's documentation), in an object's metadata or its pod template's.
 */
import { isScalar } from 'yaml';
import { dynamicSuffix, specFor } from '../../catalog/lookup';
import type { AnnotationSpec } from '../../catalog/types';
import { TARGET_TYPE_KEY, TYPE_KEY } from '../../kube/serviceController';
import { scalarString } from '../../yaml/nodes';
import type { HoverProvider } from '../types';
import { code, renderAnnotationMarkdown } from './markdown';
import { serviceControllerMarkdown } from './serviceHover';
import { siteOf } from './site';

const KINDS_NOTE_SKIP = new Set(['kubernetes']);

export const annotationHover: HoverProvider = ({ loc }) => {
  if (!loc || !loc.span) return undefined;
  const path = loc.path;
  const n = path.length;
  const key = path[n - 1];
  const field = path[n - 2];
  if (typeof key !== 'string' || (field !== 'annotations' && field !== 'labels') || path[n - 3] !== 'metadata') return undefined;
  const spec = specFor(key);
  const metaKind = field === 'annotations' ? 'annotation' : 'label';
  if (!spec || spec.metaKind !== metaKind) return undefined;
  const obj = loc.obj;
  const parts: string[] = [];
  if (!loc.onKey) {
    if (!isScalar(loc.node)) return undefined;
    const value = scalarString(loc.node, obj.model.anchors);
    const section = value === undefined ? [] : valueSection(spec, value);
    if (section.length) parts.push(...section, '', '---', '');
  }
  parts.push(renderAnnotationMarkdown(spec));
  const suffix = dynamicSuffix(spec, key);
  if (suffix) parts.push('', `Here the name part is ${code(suffix)}.`);
  const site = siteOf(obj.model.kind, path.slice(0, n - 1), obj);
  if (!KINDS_NOTE_SKIP.has(spec.reader) && (!site || !spec.kinds.includes(site.kind))) {
    const where = site?.owner === 'podTemplate' ? `the pod template of a ${obj.model.kind}` : `a ${obj.model.kind}`;
    parts.push('', `*Not read on ${where}:* this ${metaKind} takes effect on ${spec.kinds.join(', ')}.`);
  }
  if (obj.model.kind === 'Service' && site?.owner === 'object' && (key === TYPE_KEY || key === TARGET_TYPE_KEY)) {
    parts.push('', '---', '', serviceControllerMarkdown(obj.model));
  }
  return { markdown: parts.join('\n'), span: { start: obj.base + loc.span.start, end: obj.base + loc.span.end } };
};

function valueSection(spec: AnnotationSpec, value: string): string[] {
  const out: string[] = [];
  const doc = spec.valueDocs?.[value];
  const dep = spec.deprecatedValues?.find((d) => d.value === value);
  if (doc) out.push(`**${code(value)}** — ${doc}`);
  if (dep) out.push(`**${code(value)} is deprecated.** ${dep.message}${dep.replacement && !dep.message.includes(dep.replacement) ? ` Use ${code(dep.replacement)}.` : ''}`);
  if (spec.enum && !spec.enum.includes(value) && !(spec.caseSensitive === false && spec.enum.some((e) => e.toLowerCase() === value.toLowerCase()))) {
    out.push(`**${code(value)} is not an allowed value.** Allowed: ${spec.enum.map(code).join(', ')}.`);
  }
  if (!out.length && spec.default !== undefined && value === spec.default) out.push(`${code(value)} is the default value.`);
  return out;
}
