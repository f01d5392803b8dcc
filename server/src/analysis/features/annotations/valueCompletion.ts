/**
 * Completion of annotation values: enum values, booleans as quoted strings, JSON templates for
 * listen-ports / actions / conditions / transforms, defaults and examples, and the well-known keys
 * of `key=value` maps. Inserted text is always valid YAML that reads back as a string.
 */
import { specFor } from '../../catalog/lookup';
import type { MapKeySpec } from '../../catalog/types';
import type { Span } from '../../model/types';
import type { CompletionEntry, CompletionProvider, PositionContext } from '../types';
import { valueOptions } from './insertText';
import { textSite } from './site';

export const annotationValueCompletion: CompletionProvider = (ctx) => {
  const t = ctx.text;
  if (t.atKey || t.key === undefined) return [];
  const site = textSite(ctx);
  if (!site) return [];
  const spec = specFor(t.key);
  if (!spec || spec.metaKind !== site.metaKind) return [];
  const replace: Span = { start: t.prefixSpan.start, end: valueEnd(ctx.file.text, t.prefixSpan) };
  const typed = t.prefix;
  if (/^[|>&*!]/.test(typed)) return [];
  const mapEntries = spec.type === 'stringMap' && spec.mapKeys?.length ? mapKeyCompletion(ctx, spec.mapKeys) : [];
  if (mapEntries.length && typed.trim() !== '') return mapEntries;
  const quoted = /^["']/.test(typed);
  const options = valueOptions(spec).map<CompletionEntry>((o, i) => ({
    label: o.label,
    kind: o.kind,
    detail: o.detail,
    ...(o.documentation ? { documentation: o.documentation } : {}),
    insertText: o.insert,
    ...(o.snippet ? { snippet: true } : {}),
    replace,
    sortText: `${o.deprecated ? 1 : 0}_${String(i).padStart(3, '0')}`,
    filterText: quoted ? o.plain : o.plain.replace(/^["']/, ''),
    ...(o.deprecated ? { deprecated: true } : {}),
  }));
  return [...options, ...mapEntries];
};

/** Where the value ends on its line: before a trailing comment and trailing blanks. */
function valueEnd(text: string, span: Span): number {
  const value = text.slice(span.start, span.end);
  const commentAt = (respectQuotes: boolean): number | undefined => {
    let quote: string | undefined;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (respectQuotes && (c === '"' || c === "'") && i === 0) {
        quote = c;
      } else if (c === '#' && i > 0 && /\s/.test(value[i - 1] as string)) {
        return i;
      }
    }
    return quote ? commentAt(false) : undefined;
  };
  const at = commentAt(true);
  return at === undefined ? span.end : span.start + value.slice(0, at).trimEnd().length;
}

/**
 * Inside a `key=value,…` map: the well-known keys of the map for the entry being typed, and the
 * values of boolean / enum entries.
 */
function mapKeyCompletion(ctx: PositionContext, mapKeys: readonly MapKeySpec[]): CompletionEntry[] {
  const t = ctx.text;
  let start = 0;
  const typed = t.prefix;
  const quote = /^["']/.test(typed) ? typed[0] : '';
  if (quote) start = 1;
  for (let i = start; i < typed.length; i++) {
    if (typed[i] === '\\') i++;
    else if (typed[i] === ',') start = i + 1;
  }
  const segment = typed.slice(start);
  const lead = segment.length - segment.trimStart().length;
  const segStart = t.prefixSpan.start + start + lead;
  const replace: Span = { start: segStart, end: ctx.offset };
  const present = new Set(typed.slice(quote ? 1 : 0, start).split(',').map((s) => s.split('=')[0]?.trim()));
  const eq = segment.indexOf('=');
  if (eq < 0) {
    return mapKeys
      .filter((k) => !present.has(k.key))
      .map((k, i) => ({
        label: k.key,
        kind: 'property' as const,
        detail: k.enum ? k.enum.join(' | ') : (k.valueType ?? 'string'),
        ...(k.summary ? { documentation: k.summary } : {}),
        insertText: `${k.key}=`,
        replace,
        sortText: `0_${String(i).padStart(3, '0')}`,
        filterText: k.key,
      }));
  }
  const entryKey = segment.slice(0, eq).trim();
  const k = mapKeys.find((m) => m.key === entryKey);
  const values = k?.enum ?? (k?.valueType === 'boolean' ? ['true', 'false'] : undefined);
  if (!values) return [];
  const valueStart = segStart + segment.slice(lead).indexOf('=') + 1;
  return values.map((v) => ({ label: v, kind: 'enum' as const, detail: `${entryKey} value`, insertText: v, replace: { start: valueStart, end: ctx.offset }, filterText: v }));
}
