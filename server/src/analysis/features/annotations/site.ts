/**
 * Where a cursor stands with respect to annotations and labels: which object kind's catalogue
 * applies (an Ingress's, a Service's, a pod template's, …), which keys are already present, and
 * the object itself. Computed from the text (so half-typed lines work) with the AST as a helper.
 * Cost: proportional to the object under the cursor, never to the file.
 */
import type { AnnotatedKind } from '../../catalog/types';
import { POD_TEMPLATE_PATHS } from '../../kube/kinds';
import type { KObject } from '../../workspace/fileModel';
import type { PositionContext } from '../types';

export interface MetaSite {
  readonly metaKind: 'annotation' | 'label';
  /** The catalogue kind whose keys apply here. */
  readonly kind: AnnotatedKind;
  /** The Kubernetes kind of the enclosing object. */
  readonly objKind: string;
  /** Whether the map is the object's own metadata or its pod template's. */
  readonly owner: 'object' | 'podTemplate';
  readonly obj: KObject | undefined;
}

const OWN_KINDS: ReadonlyMap<string, AnnotatedKind> = new Map<string, AnnotatedKind>([
  ['Ingress', 'Ingress'],
  ['Service', 'Service'],
  ['Pod', 'Pod'],
  ['Node', 'Node'],
  ['Namespace', 'Namespace'],
  ['TargetGroupBinding', 'TargetGroupBinding'],
  ['IngressClass', 'IngressClass'],
]);

/**
 * The site of a metadata map given the object's kind and the map's path from the object root
 * (e.g. ['metadata', 'annotations'] or ['spec', 'template', 'metadata', 'labels']).
 */
export function siteOf(objKind: string, path: readonly (string | number)[], obj?: KObject): MetaSite | undefined {
  const field = path[path.length - 1];
  if ((field !== 'annotations' && field !== 'labels') || path[path.length - 2] !== 'metadata') return undefined;
  const metaKind = field === 'annotations' ? 'annotation' : 'label';
  const owner = path.slice(0, -2);
  if (owner.length === 0) {
    const kind = OWN_KINDS.get(objKind);
    return kind ? { metaKind, kind, objKind, owner: 'object', obj } : undefined;
  }
  const tpl = POD_TEMPLATE_PATHS.get(objKind);
  if (tpl && tpl.length === owner.length && tpl.every((s, i) => s === owner[i])) return { metaKind, kind: 'Pod', objKind, owner: 'podTemplate', obj };
  return undefined;
}

/** The site of the map the cursor's line belongs to, from the text (works on half-typed lines). */
export function textSite(ctx: PositionContext): MetaSite | undefined {
  const parents = ctx.text.parents;
  const last = parents[parents.length - 1];
  if (last !== 'annotations' && last !== 'labels') return undefined;
  const obj = ctx.loc?.obj ?? ctx.file.objectAt(ctx.offset);
  let path = parents;
  if (obj?.model.inList && path[0] === 'items') path = path.slice(1);
  const objKind = obj?.model.kind ?? kindFromText(ctx.file.text, ctx.offset);
  return objKind ? siteOf(objKind, path, obj) : undefined;
}

/** The `kind:` of the YAML document around an offset (when the AST could not give an object). */
export function kindFromText(text: string, offset: number): string | undefined {
  const before = text.lastIndexOf('\n---', offset - 1);
  const start = before < 0 ? 0 : before + 1;
  const after = text.indexOf('\n---', offset);
  const doc = text.slice(start, after < 0 ? text.length : after);
  return /^kind:[ \t]*["']?([A-Za-z][A-Za-z0-9]*)["']?[ \t]*(#.*)?\r?$/m.exec(doc)?.[1];
}

const KEY_LINE = /^([ \t]*)(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"][^#]*?))[ \t]*:(?:[ \t]|\r?$)/;

/**
 * Keys written at the same indentation as the cursor's line in the same block (the cursor's own
 * line excluded): the keys already present in the annotations or labels map being edited.
 */
export function siblingKeys(text: string, offset: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const visit = (line: string): boolean => {
    const body = line.replace(/\r$/, '');
    const trimmed = body.trimStart();
    if (!trimmed || trimmed.startsWith('#')) return true;
    const lead = body.length - trimmed.length;
    if (lead < indent) return false;
    if (lead > indent) return true;
    if (/^(---|\.\.\.)(\s|$)/.test(body)) return false;
    const m = KEY_LINE.exec(body);
    if (m) keys.add(m[2] ?? (m[3] !== undefined ? m[3].replace(/''/g, "'") : (m[4] ?? '').trim()));
    return true;
  };
  // Upwards.
  for (let end = lineStart - 1; end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (!visit(text.slice(start, end))) break;
    end = start - 1;
  }
  // Downwards.
  for (let start = lineEnd + 1; start > 0 && start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!visit(text.slice(start, end))) break;
    if (end >= text.length) break;
    start = end + 1;
  }
  return keys;
}
