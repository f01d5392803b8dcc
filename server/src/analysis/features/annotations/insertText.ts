/**
 * What completion inserts for a catalogue entry: the value part of a key completion and the value
 * completions of a key, always as YAML that reads back as the intended string.
 */
import type { AnnotationSpec } from '../../catalog/types';
import { JSON_TEMPLATES, templateSnippet, templateText } from './jsonTemplates';
import { choiceEscape, needsQuotes, snippetEscape, yamlDoubleQuoted, yamlScalar } from './yamlText';

/** Enum-like choices of a key (booleans as the strings "true" and "false"), most useful first. */
export function choicesOf(spec: AnnotationSpec): readonly string[] | undefined {
  if (spec.type === 'boolean') return spec.default === 'true' ? ['false', 'true'] : ['true', 'false'];
  if (!spec.enum) return undefined;
  const deprecated = new Set(spec.deprecatedValues?.map((d) => d.value));
  return [...spec.enum.filter((v) => !deprecated.has(v)), ...spec.enum.filter((v) => deprecated.has(v))];
}

/** The snippet for the value written after `key: ` by a key completion ('' when there is none). */
export function valueSnippet(spec: AnnotationSpec): string {
  const choices = choicesOf(spec);
  if (choices) {
    const quote = spec.type === 'boolean' || spec.type === 'integer' || choices.some(needsQuotes) ? '"' : '';
    if (choices.length === 1) return `${quote}${snippetEscape(choices[0] as string)}${quote}`;
    return `${quote}\${1|${choices.map(choiceEscape).join(',')}|}${quote}`;
  }
  if (spec.type === 'integer') return `"\${1:${snippetEscape(spec.examples?.[0] ?? spec.default ?? '')}}"`;
  if (spec.type === 'json') {
    const first = spec.schemaFile ? JSON_TEMPLATES[spec.schemaFile]?.[0] : undefined;
    if (first) return `'${templateSnippet(first.template)}'`;
    const example = spec.examples?.[0];
    return example ? `'\${1:${snippetEscape(example.replace(/'/g, "''"))}}'` : "'$1'";
  }
  return '';
}

export interface ValueOption {
  readonly label: string;
  /** Snippet or plain text, already YAML-quoted. */
  readonly insert: string;
  readonly snippet: boolean;
  /** What the YAML text is when inserted with defaults (for filtering). */
  readonly plain: string;
  readonly detail: string;
  readonly documentation?: string;
  readonly deprecated?: boolean;
  readonly kind: 'value' | 'enum' | 'snippet';
}

/** The value completions of a key. */
export function valueOptions(spec: AnnotationSpec): ValueOption[] {
  const out: ValueOption[] = [];
  const choices = choicesOf(spec);
  if (choices) {
    for (const v of choices) {
      const dep = spec.deprecatedValues?.find((d) => d.value === v);
      const text = spec.type === 'boolean' || spec.type === 'integer' ? yamlDoubleQuoted(v) : yamlScalar(v);
      const docs = [spec.valueDocs?.[v], dep ? `**Deprecated.** ${dep.message}${dep.replacement && !dep.message.includes(dep.replacement) ? ` Use \`${dep.replacement}\`.` : ''}` : undefined].filter(Boolean).join('\n\n');
      out.push({
        label: v,
        insert: text,
        snippet: false,
        plain: text,
        detail: `${dep ? '(deprecated) ' : ''}${v === spec.default ? 'default' : spec.type === 'boolean' ? 'boolean' : 'allowed value'}`,
        ...(docs ? { documentation: docs } : {}),
        ...(dep ? { deprecated: true } : {}),
        kind: 'enum',
      });
    }
    return out;
  }
  if (spec.type === 'json' && spec.schemaFile && JSON_TEMPLATES[spec.schemaFile]) {
    for (const t of JSON_TEMPLATES[spec.schemaFile] ?? []) {
      const plain = `'${templateText(t.template)}'`;
      out.push({ label: t.label, insert: `'${templateSnippet(t.template)}'`, snippet: true, plain, detail: 'JSON template', documentation: '```yaml\n' + plain + '\n```', kind: 'snippet' });
    }
    return out;
  }
  const seen = new Set<string>();
  const add = (v: string, detail: string) => {
    if (seen.has(v)) return;
    seen.add(v);
    const text = spec.type === 'integer' ? yamlDoubleQuoted(v) : spec.type === 'json' ? `'${v.replace(/'/g, "''")}'` : yamlScalar(v);
    out.push({ label: v.length > 60 ? `${v.slice(0, 57)}…` : v, insert: text, snippet: false, plain: text, detail, kind: 'value' });
  };
  if (spec.default !== undefined) add(spec.default, 'default');
  for (const e of spec.examples ?? []) add(e, 'example');
  return out;
}
