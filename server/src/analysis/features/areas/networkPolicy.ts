/**
 * Editor-feature providers: NetworkPolicy and pod security groups (SecurityGroupPolicy, ENIConfig,
 * pod annotations), plus schema-driven completion and hover for the kinds with a schema in
 * `schemas/` (NetworkPolicy, SecurityGroupPolicy, ENIConfig, TargetGroupBinding,
 * IngressClassParams, IngressClass).
 *
 * - Hover on a workload's `kind` or name: the effective NetworkPolicy picture (which policies
 *   select it, isolation per direction, what is allowed) and its security groups.
 * - Hover on a NetworkPolicy's `kind`, name or `spec`: the pods it selects and the directions it
 *   isolates, explaining omitted `policyTypes`. On a SecurityGroupPolicy: the pods it applies to.
 * - Hover on any key of a schema kind: the field's description.
 * - Completion of keys and enum values from the schemas.
 * - Code lenses: isolation on workloads of namespaces that have policies; what a policy selects.
 */
import { describeSelector } from '../../kube/selectors';
import { type NetworkPolicyModel } from '../../policy/networkPolicy';
import { describeRule, pictureMarkdown, pictureOf } from '../../policy/effective';
import { policiesIn, policyEntry, selectedIn, sgpEntry, sgpSelects } from '../../policy/selection';
import { objectSchemaFor, type JsonSchema } from '../../schema/files';
import { describe, itemSchemas, propertiesOf, schemasAt, typesOf, valuesOf } from '../../schema/navigate';
import type { KObject } from '../../workspace/fileModel';
import { shortList } from '../../xref/names';
import { describeWorkload, workloadOf, workloadsIn } from '../../xref/workloads';
import type { AreaProviders, CodeLensProvider, CompletionEntry, CompletionProvider, HoverProvider, LensResult } from '../types';

const abs = (obj: KObject, s: { start: number; end: number }) => ({ start: obj.base + s.start, end: obj.base + s.end });

/** True when the position is on the object's `kind` value or its `metadata.name` value. */
function onHeader(obj: KObject, rel: number): { start: number; end: number } | undefined {
  for (const s of [obj.model.kindSpan, obj.model.nameSpan]) if (s && s.start <= rel && rel <= s.end) return s;
  return undefined;
}

const workloadHover: HoverProvider = ({ index, loc, offset }) => {
  if (!loc) return undefined;
  const at = onHeader(loc.obj, offset - loc.obj.base);
  const w = at ? workloadOf(index, loc.obj) : undefined;
  const md = w ? pictureMarkdown(index, w) : undefined;
  return md && at ? { markdown: md, span: abs(loc.obj, at) } : undefined;
};

function typesExplained(np: NetworkPolicyModel): string {
  if (np.typesExplicit) return `Isolates **${np.types.join(' and ') || 'nothing'}** (\`policyTypes\`).`;
  return np.egress.length
    ? '`policyTypes` is not written: Kubernetes assumes **Ingress and Egress** (Egress because there are egress rules).'
    : '`policyTypes` is not written: Kubernetes assumes **Ingress** only (no egress rules, so egress is not isolated). To block all egress, list `Egress` explicitly.';
}

const policyHover: HoverProvider = ({ index, loc, offset }) => {
  if (!loc) return undefined;
  const obj = loc.obj;
  const rel = offset - obj.base;
  const header = onHeader(obj, rel);
  const onSpec = loc.onKey && loc.path.length === 1 && loc.path[0] === 'spec' ? loc.span : undefined;
  const span = header ?? onSpec;
  if (!span) return undefined;
  if (obj.model.kind === 'NetworkPolicy') {
    const e = policyEntry(index, obj);
    if (!e) return undefined;
    const lines = [`**NetworkPolicy \`${e.name}\`** in \`${e.namespace}\``, '', typesExplained(e.model)];
    if (!e.selector) lines.push('', 'Its `podSelector` cannot be read here (templated or malformed).');
    else {
      const pods = selectedIn(index, e.namespace, e.selector);
      const what = e.selector.empty ? 'every pod of the namespace' : `pods with ${describeSelector(e.selector)}`;
      lines.push('', `Selects ${what}${pods.length ? `: ${shortList(pods.map(describeWorkload), 6)}` : workloadsIn(index, e.namespace).length ? ' — none of the workloads in the workspace' : ''}.`);
    }
    for (const [label, rules] of [['Ingress', e.model.ingress], ['Egress', e.model.egress]] as const) {
      if (!e.model.types.includes(label)) continue;
      lines.push('', rules.length ? `**${label}** allowed:` : `**${label}**: nothing allowed (deny all).`);
      for (const r of rules.slice(0, 12)) lines.push(`- ${describeRule(r)}`);
    }
    return { markdown: lines.join('\n'), span: abs(obj, span) };
  }
  if (obj.model.kind === 'SecurityGroupPolicy') {
    const s = sgpEntry(index, obj);
    if (!s) return undefined;
    const workloads = workloadsIn(index, s.namespace);
    const yes = workloads.filter((w) => sgpSelects(index, s, w) === 'yes');
    const maybe = workloads.filter((w) => sgpSelects(index, s, w) === 'unknown');
    const lines = [`**SecurityGroupPolicy \`${s.name}\`** in \`${s.namespace}\``, '', `Security groups: ${s.groupIds.map((g) => `\`${g}\``).join(', ') || '(none)'}`];
    if (s.podSelector && s.serviceAccountSelector) lines.push('', 'Both selectors are set: a pod must match `podSelector` **and** run as a ServiceAccount matching `serviceAccountSelector`.');
    lines.push('', yes.length ? `Applies to ${shortList(yes.map(describeWorkload), 6)} (combined with the groups of any other matching policy).` : 'Applies to none of the workloads in the workspace.');
    if (maybe.length) lines.push(`May also apply to ${shortList(maybe.map(describeWorkload), 6)} (their ServiceAccount is not in the workspace).`);
    const host = yes.filter((w) => w.tpl.hostNetwork);
    if (host.length) lines.push(`${shortList(host.map(describeWorkload))} ${host.length === 1 ? 'uses' : 'use'} \`hostNetwork\` and never get${host.length === 1 ? 's' : ''} these groups.`);
    return { markdown: lines.join('\n'), span: abs(obj, span) };
  }
  return undefined;
};

function schemaOf(obj: KObject | undefined): JsonSchema | undefined {
  return obj ? objectSchemaFor(obj.model.kind, obj.model.apiVersion)?.schema : undefined;
}

const schemaHover: HoverProvider = ({ loc }) => {
  if (!loc || !loc.onKey || !loc.span) return undefined;
  const schema = schemaOf(loc.obj);
  if (!schema) return undefined;
  const schemas = schemasAt(schema, loc.path);
  const text = describe(schemas);
  if (!text) return undefined;
  const name = String(loc.path[loc.path.length - 1]);
  const types = typesOf(schemas);
  const { values, default: def } = valuesOf(types.includes('array') ? itemSchemas(schema, schemas) : schemas);
  const facts = [types.length ? `Type: ${types.join(' or ')}` : '', values.length && values.length <= 12 ? `Values: ${values.map((v) => `\`${v}\``).join(', ')}` : '', def !== undefined ? `Default: \`${def}\`` : ''].filter(Boolean);
  const extra = loc.obj.model.kind === 'NetworkPolicy' && loc.path.join('.') === 'spec.policyTypes' ? '\n\nWritten here, so only the listed directions are isolated; rules of a direction not listed are ignored.' : '';
  return { markdown: `**${name}** — ${text}${facts.length ? `\n\n${facts.join(' · ')}` : ''}${extra}`, span: abs(loc.obj, loc.span) };
};

/** The object at the cursor's chunk, even while it is being typed (falls back to the chunk text). */
function kindAt(ctx: Parameters<CompletionProvider>[0]): { kind: string; apiVersion: string } | undefined {
  if (ctx.loc) return { kind: ctx.loc.obj.model.kind, apiVersion: ctx.loc.obj.model.apiVersion };
  const chunk = ctx.file.chunks.find((c) => c.base <= ctx.offset && ctx.offset <= c.base + c.parsed.text.length);
  const text = chunk?.parsed.text ?? '';
  const kind = /^kind:\s*["']?([A-Za-z]+)/m.exec(text)?.[1];
  const apiVersion = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  return kind && apiVersion ? { kind, apiVersion } : undefined;
}

/** Keys already written in the mapping of the cursor's line (same indentation, same block). */
function siblingKeys(text: string, offset: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const lines = text.split('\n');
  const lineNo = text.slice(0, offset).split('\n').length - 1;
  const scan = (dir: 1 | -1) => {
    for (let i = lineNo + dir; i >= 0 && i < lines.length; i += dir) {
      const l = lines[i]!;
      if (!l.trim() || l.trimStart().startsWith('#')) continue;
      const m = /^(\s*)(- )?([^\s:#][^:#]*):(\s|$)/.exec(l);
      const ind = /^\s*/.exec(l)![0].length;
      if (ind < indent && !(m?.[2] && ind + 2 === indent)) break;
      if (m && ind + (m[2] ? 2 : 0) === indent) {
        keys.add(m[3]!.trim());
        if (m[2] && dir === -1) break; // the item starts here
      }
      if (m?.[2] && ind + 2 === indent && dir === 1) break; // next item
    }
  };
  scan(-1);
  scan(1);
  return keys;
}

const schemaCompletion: CompletionProvider = (ctx) => {
  const found = kindAt(ctx);
  const schema = found ? objectSchemaFor(found.kind, found.apiVersion)?.schema : undefined;
  if (!schema) return [];
  const { text } = ctx;
  if (text.atKey) {
    if (!text.parents.length) return []; // top-level keys belong to the generic scaffolding
    let schemas = schemasAt(schema, text.parents);
    if (typesOf(schemas).includes('array')) schemas = itemSchemas(schema, schemas);
    const present = siblingKeys(ctx.file.text, ctx.offset, text.indent);
    return propertiesOf(schema, schemas)
      .filter((p) => !present.has(p.name))
      .map((p, i): CompletionEntry => {
        const types = typesOf(p.schemas);
        const insert = types.includes('object') && !types.includes('string') ? `${p.name}:\n  $0` : types.includes('array') ? `${p.name}:\n  - $0` : `${p.name}: $0`;
        const doc = describe(p.schemas);
        return {
          label: p.name,
          kind: 'property',
          detail: `${found!.kind}${p.required ? ' · required' : ''}`,
          ...(doc ? { documentation: doc } : {}),
          insertText: insert,
          snippet: true,
          replace: text.prefixSpan,
          sortText: `${p.required ? '0' : '1'}${String(i).padStart(3, '0')}`,
        };
      });
  }
  if (!text.key) return [];
  let schemas = schemasAt(schema, [...text.parents, text.key]);
  if (!schemas.length) return [];
  const { values, default: def } = valuesOf(schemas);
  if (!values.length && typesOf(schemas).includes('array')) schemas = itemSchemas(schema, schemas);
  const doc = describe(schemas);
  return values.map((v): CompletionEntry => ({
    label: v,
    kind: 'enum',
    detail: v === def ? 'default' : found!.kind,
    ...(doc ? { documentation: doc } : {}),
    insertText: v,
    replace: text.prefixSpan,
  }));
};

/** Values of a list item (`- Egress` under `policyTypes:`): the text context has no key there. */
const schemaItemCompletion: CompletionProvider = (ctx) => {
  const found = kindAt(ctx);
  const schema = found ? objectSchemaFor(found.kind, found.apiVersion)?.schema : undefined;
  const lineStart = ctx.file.text.lastIndexOf('\n', ctx.offset - 1) + 1;
  const before = ctx.file.text.slice(lineStart, ctx.offset);
  if (!schema || !ctx.text.atKey || !/^\s*- \S*$/.test(before) || !ctx.text.parents.length) return [];
  const schemas = itemSchemas(schema, schemasAt(schema, ctx.text.parents));
  const { values } = valuesOf(schemas);
  if (!values.length) return [];
  const doc = describe(schemasAt(schema, ctx.text.parents));
  return values.map((v): CompletionEntry => ({ label: v, kind: 'enum', detail: found!.kind, ...(doc ? { documentation: doc } : {}), insertText: v, replace: ctx.text.prefixSpan }));
};

const isolationLens: CodeLensProvider = (file, index) => {
  const out: LensResult[] = [];
  for (const obj of file.objects) {
    const w = workloadOf(index, obj);
    if (w) {
      if (!policiesIn(index, w.namespace).length) continue;
      const pic = pictureOf(index, w);
      const part = (label: string, d: typeof pic.ingress) => (d.isolatedBy.length ? `${label} isolated${d.allows.length ? ` (${d.allows.length} allow rule${d.allows.length === 1 ? '' : 's'})` : ' (deny all)'}` : `${label} open`);
      out.push({
        span: abs(obj, obj.model.kindSpan),
        title: `NetworkPolicy: ${part('ingress', pic.ingress)} · ${part('egress', pic.egress)}`,
        targets: pic.policies.map((p) => ({ uri: p.obj.file.uri, span: abs(p.obj, p.obj.model.nameSpan ?? p.obj.model.kindSpan) })),
      });
      continue;
    }
    if (obj.model.kind === 'NetworkPolicy') {
      const e = policyEntry(index, obj);
      if (!e?.selector || !workloadsIn(index, e.namespace).length) continue;
      const pods = selectedIn(index, e.namespace, e.selector);
      const isolates = e.model.types.join(' + ') || 'nothing';
      out.push({
        span: abs(obj, obj.model.kindSpan),
        title: pods.length ? `isolates ${isolates} for ${shortList(pods.map(describeWorkload))}` : `isolates ${isolates} for no workload in the workspace`,
        targets: pods.map((w) => ({ uri: w.obj.file.uri, span: abs(w.obj, w.obj.model.nameSpan ?? w.obj.model.kindSpan) })),
      });
      continue;
    }
    if (obj.model.kind === 'SecurityGroupPolicy') {
      const s = sgpEntry(index, obj);
      if (!s || !workloadsIn(index, s.namespace).length) continue;
      const pods = workloadsIn(index, s.namespace).filter((w) => sgpSelects(index, s, w) === 'yes');
      out.push({
        span: abs(obj, obj.model.kindSpan),
        title: pods.length ? `security groups for ${shortList(pods.map(describeWorkload))}` : 'security groups for no workload in the workspace',
        targets: pods.map((w) => ({ uri: w.obj.file.uri, span: abs(w.obj, w.obj.model.nameSpan ?? w.obj.model.kindSpan) })),
      });
    }
  }
  return out;
};

export const providers: AreaProviders = {
  hover: [workloadHover, policyHover, schemaHover],
  completion: [schemaCompletion, schemaItemCompletion],
  definition: [],
  references: [],
  codeLens: [isolationLens],
};

