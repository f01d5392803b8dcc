/**
 * Renders one catalogue entry as Markdown. Hover, completion documentation and generated docs all
 * use this one renderer, so an annotation reads the same everywhere.
 */
import type { AnnotationReader, AnnotationSpec, AnnotatedKind } from '../../catalog/types';

export const READER_NAMES: Readonly<Record<AnnotationReader, string>> = {
  'aws-load-balancer-controller': 'AWS Load Balancer Controller',
  'in-tree': 'in-tree AWS cloud provider (cloud-controller-manager), not the AWS Load Balancer Controller',
  both: 'AWS Load Balancer Controller and the in-tree AWS cloud provider',
  'vpc-resource-controller': 'Amazon VPC resource controller',
  'amazon-vpc-cni': 'Amazon VPC CNI (aws-node)',
  kubernetes: 'Kubernetes',
  none: 'nothing (no component reads it any more)',
};

export interface RenderOptions {
  /** `heading` starts with a Markdown heading (docs pages); `bold` with a bold line (hover, completion). */
  readonly title?: 'heading' | 'bold' | 'none';
  /** Leave out the documentation link (when the caller adds its own). */
  readonly noLink?: boolean;
}

/** Backtick-quotes a value for inline Markdown, choosing a fence that the value does not contain. */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A short description of the value type, e.g. "string, one of `internal`, `internet-facing`". */
export function typeText(spec: AnnotationSpec): string {
  const range = rangeText(spec);
  switch (spec.type) {
    case 'boolean':
      return 'boolean, written as a quoted string: `"true"` or `"false"`';
    case 'integer':
      return `integer, written as a quoted string${spec.enum ? `, one of ${spec.enum.map(code).join(', ')}` : ''}${range ? ` (${range})` : ''}`;
    case 'stringList':
      return `comma-separated list${spec.patternName ? ` of ${spec.patternName}s` : ''}${range ? ` (${range})` : ''}`;
    case 'stringMap':
      return 'comma-separated `key=value` pairs (escape a comma inside a value as `\\,`)';
    case 'json':
      return 'JSON, written as a single-quoted YAML string';
    default:
      if (spec.enum) return `string, one of ${spec.enum.map(code).join(', ')}${spec.caseSensitive === false ? ' (any case)' : ' (exact case)'}`;
      return `string${spec.patternName ? `: ${spec.patternName}` : ''}${range ? ` (${range})` : ''}`;
  }
}

function rangeText(spec: AnnotationSpec): string | undefined {
  if (spec.min === undefined && spec.max === undefined) return undefined;
  const unit = spec.rangeUnit === 'characters' ? ' characters' : spec.rangeUnit === 'count' ? ' items' : spec.rangeUnit === 'seconds' ? ' seconds' : '';
  const what = spec.min !== undefined && spec.max !== undefined ? `${spec.min}–${spec.max}${unit}` : spec.min !== undefined ? `at least ${spec.min}${unit}` : `at most ${spec.max}${unit}`;
  return spec.rangeEnforcedBy === 'aws' ? `${what}, checked by AWS` : what;
}

function kindsText(kinds: readonly AnnotatedKind[]): string {
  return kinds.map((k) => (k === 'Pod' ? 'Pod (and pod templates of workloads)' : k)).join(', ');
}

const cache = new Map<string, string>();

/** The Markdown documentation of an annotation or label (cached per key and options). */
export function renderAnnotationMarkdown(spec: AnnotationSpec, options: RenderOptions = {}): string {
  const id = `${spec.key}\u0000${options.title ?? 'bold'}\u0000${options.noLink ? 1 : 0}`;
  let out = cache.get(id);
  if (out === undefined) {
    out = render(spec, options);
    cache.set(id, out);
  }
  return out;
}

function render(spec: AnnotationSpec, options: RenderOptions): string {
  const parts: string[] = [];
  const name = spec.keyPattern ? spec.key.replace(/\$\{([^}]+)\}/g, '<$1>') : spec.key;
  const title = options.title ?? 'bold';
  if (title === 'heading') parts.push(`### ${code(name)}`, '', spec.summary);
  else if (title === 'bold') parts.push(`**${code(name)}** — ${spec.summary}`);
  else parts.push(spec.summary);
  if (spec.deprecated) {
    const r = spec.deprecated.replacement;
    parts.push('', `**Deprecated.** ${spec.deprecated.message}${r && !spec.deprecated.message.includes(r) ? ` Use ${code(r)} instead.` : ''}`);
  }
  if (spec.writtenBy) parts.push('', `*Written by the ${READER_NAMES[spec.writtenBy as AnnotationReader] ?? spec.writtenBy}; do not set it yourself.*`);
  // A thematic break keeps the facts list apart from a list that ends the prose.
  const facts: string[] = [];
  facts.push(`**Type:** ${typeText(spec)}`);
  if (spec.valueDocs) {
    for (const [value, text] of Object.entries(spec.valueDocs)) facts.push(`  - ${code(value)}: ${text}`);
  }
  if (spec.default !== undefined) facts.push(`**Default:** ${code(spec.default)}`);
  if (spec.deprecatedValues?.length) {
    facts.push(`**Deprecated values:** ${spec.deprecatedValues.map((d) => `${code(d.value)}${d.replacement ? ` (use ${code(d.replacement)})` : ''}`).join(', ')}`);
  }
  if (spec.groupMerge === 'exclusive') facts.push('**IngressGroup:** every Ingress of the group must use the same value (or leave it unset)');
  else if (spec.groupMerge === 'merge') facts.push(`**IngressGroup:** the values of the group's Ingresses are merged${spec.type === 'stringMap' ? ' (one key with two different values is an error)' : ''}`);
  if (spec.overriddenByClassParam) facts.push(`**Overridden by:** IngressClassParams ${code(spec.overriddenByClassParam)}`);
  facts.push(`**On:** ${kindsText(spec.kinds)}${spec.metaKind === 'label' ? ' (a label, not an annotation)' : ''}`);
  facts.push(`**Read by:** ${READER_NAMES[spec.reader]}${spec.since ? ` — since ${spec.since}` : ''}`);
  if (spec.examples?.length) facts.push(`**Example${spec.examples.length > 1 ? 's' : ''}:** ${spec.examples.map(code).join(', ')}`);
  parts.push('', spec.doc, '', '---', '', facts.map((f) => (f.startsWith('  ') ? f : `- ${f}`)).join('\n'));
  if (spec.mapKeys?.length) {
    parts.push('', `**Known keys${spec.mapKeysExhaustive ? ' (no others are accepted)' : ''}:**`, '');
    for (const k of spec.mapKeys) {
      const allowed = k.enum ? ` (${k.enum.map(code).join(' / ')})` : k.min !== undefined || k.max !== undefined ? ` (${k.min ?? ''}–${k.max ?? ''})` : k.valueType && k.valueType !== 'string' ? ` (${k.valueType})` : '';
      parts.push(`- ${code(k.key)}${allowed}${k.summary ? `: ${k.summary}` : ''}`);
    }
  }
  if (spec.docsUrl && !options.noLink) parts.push('', `[Documentation](${spec.docsUrl})`);
  return parts.join('\n');
}
