/**
 * The check and quick fix shared by the schema rules (`network-policy-schema`,
 * `security-group-policy-schema`, ...): validate the object against the schema of its kind and
 * apiVersion, map each error to the key or value it is about, and offer the "did you mean" fix.
 *
 * Stays silent where the text is not the object the API server will see: kustomize patches
 * (partial objects), objects carrying a `$patch` directive or a `<<` merge key, and templated
 * values (`${VAR}`, `{{ }}`).
 */
import { isMap, isScalar } from 'yaml';
import type { Span } from '../model/types';
import type { FixBuilder, ObjectContext, ObjectRule } from '../rules/types';
import type { KObject } from '../workspace/fileModel';
import { isPartial } from '../xref/kustomize';
import { isTemplated, keyName, pairs, toPlain } from '../yaml/nodes';
import { objectSchemaFor } from './files';
import { type SchemaError, validateValue } from './validator';
import { spanForError, walk } from './yamlSpans';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly what: 'key' | 'value';
}

/** Schema errors of an object (memoised on its chunk: they depend only on its text). */
export function schemaErrorsOf(obj: KObject): readonly SchemaError[] {
  const key = `schema|${obj.ordinal}`;
  const cached = obj.chunk.memo.get(key) as readonly SchemaError[] | undefined;
  if (cached) return cached;
  const found = objectSchemaFor(obj.model.kind, obj.model.apiVersion);
  let errors: readonly SchemaError[] = [];
  if (found && !hasPatchMarkers(obj)) {
    const plain = toPlain(obj.model.root, obj.model.anchors, 20000);
    if (plain !== undefined) errors = validateValue(found.schema, plain);
  }
  obj.chunk.memo.set(key, errors);
  return errors;
}

export function checkSchema({ obj, index, report }: ObjectContext): void {
  if (isPartial(index, obj)) return;
  const { root, anchors } = obj.model;
  for (const err of schemaErrorsOf(obj)) {
    if (isTemplatedAt(obj, err) || isNullTypeError(obj, err)) continue;
    const rootLevel = err.path.length <= 1 && (err.missing || err.anchor === 'value');
    const span = rootLevel && err.missing ? obj.model.kindSpan : spanForError(err, root, anchors, obj.model.kindSpan, obj.chunk.text);
    if (!span) continue;
    report({ span, message: err.message, ...(err.suggestion !== undefined ? { data: fixPayload(obj, err, span) } : {}) });
  }
}

export const schemaFix: FixBuilder = (data, ctx) => {
  const p = data as Payload | null;
  if (!p?.span || typeof p.text !== 'string') return [];
  const raw = ctx.file.text.slice(ctx.base + p.span.start, ctx.base + p.span.end);
  const quote = /^["']/.test(raw) ? raw[0]! : '';
  return [ctx.fix(`Change ${p.what} to "${p.text}"`, [ctx.edit(p.span, quote + p.text + quote)], true)];
};

function fixPayload(obj: KObject, err: SchemaError, span: Span): Payload | undefined {
  const steps = walk(obj.model.root, err.path, obj.model.anchors);
  const last = steps?.[steps.length - 1];
  if (err.anchor === 'key' && last?.pair && isScalar(last.pair.key)) return { span, text: err.suggestion!, what: 'key' };
  if (err.anchor === 'value' && isScalar(last?.node)) return { span, text: err.suggestion!, what: 'value' };
  return undefined;
}

/** True when the error concerns a templated key or value, or a map whose keys cannot be known. */
function isTemplatedAt(obj: KObject, err: SchemaError): boolean {
  const { root, anchors } = obj.model;
  const steps = walk(root, err.missing ? err.path.slice(0, -1) : err.path, anchors);
  if (!steps) return false;
  for (const s of steps) {
    const k = s.pair ? keyName(s.pair) : undefined;
    if (k !== undefined && isTemplated(k)) return true;
  }
  const last = steps[steps.length - 1]!;
  if (isScalar(last.node) && typeof last.node.value === 'string' && isTemplated(last.node.value)) return true;
  // A map with a merge key or templated keys: its real keys are not all written here.
  const owner = err.missing || err.keyword === 'minProperties' || err.keyword === 'anyOf' ? last.node : steps[steps.length - 2]?.node;
  if (isMap(owner)) {
    for (const p of pairs(owner)) {
      const k = keyName(p);
      if (k === '<<' || (k !== undefined && isTemplated(k))) return true;
    }
  }
  return false;
}

/**
 * `field:` left empty is null, which the API server decodes as "not set" (built-in types) or prunes
 * (CRDs): a type error about it would be a false alarm. Missing required fields are still reported.
 */
function isNullTypeError(obj: KObject, err: SchemaError): boolean {
  if (err.keyword !== 'type') return false;
  const steps = walk(obj.model.root, err.path, obj.model.anchors);
  const node = steps?.[steps.length - 1]?.node;
  return node === undefined || (isScalar(node) && node.value === null);
}

/** Strategic-merge-patch directives mean the document is a patch, not a whole object. */
function hasPatchMarkers(obj: KObject): boolean {
  return /^[^\S\r\n\u2028\u2029]*\$(patch|setElementOrder|retainKeys|deleteFromPrimitiveList)\b/m.test(obj.chunk.text);
}

/** A schema rule: the metadata of one kind family, the shared check and fix. */
export function schemaRule(meta: Omit<ObjectRule, 'scope' | 'check' | 'fix' | 'severity'>): ObjectRule {
  // Workspace-wide only to tell kustomize patches (cluster-wide data) apart.
  return { ...meta, severity: 'error', scope: 'workspace', locality: 'cluster', check: checkSchema, fix: schemaFix };
}
