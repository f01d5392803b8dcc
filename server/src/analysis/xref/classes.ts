/**
 * Ingress classes: `spec.ingressClassName` → IngressClass → IngressClassParams (both
 * cluster-scoped), the legacy `kubernetes.io/ingress.class` annotation (which decides alone and
 * bypasses IngressClassParams), the default class, whether an Ingress is the AWS Load Balancer
 * Controller's, and the values its class parameters impose (target type, group).
 */
import type { Span } from '../model/types';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { asMap, getIn, getPair, scalarString, spanOf, YNode } from '../yaml/nodes';
import { isPartial } from './kustomize';
import { ALB, annotation, ingressFacts } from './ingress';

/** ALB controllers and the API group of their IngressClassParams. */
export const ALB_CONTROLLERS: ReadonlyMap<string, string> = new Map([
  ['ingress.k8s.aws/alb', 'elbv2.k8s.aws'],
  ['eks.amazonaws.com/alb', 'eks.amazonaws.com'],
]);
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** IngressClass names that controllers' Helm charts create: not expected among the manifests. */
export const CHART_CLASSES: ReadonlySet<string> = new Set(['alb']);
const DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

export interface ClassResolution {
  /** How the class is chosen. */
  readonly via: 'annotation' | 'spec' | 'default' | 'none';
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  /** The IngressClass, when in the workspace. */
  readonly cls: KObject | undefined;
  readonly controller: string | undefined;
  readonly paramsName: string | undefined;
  /** The IngressClassParams, when referenced and in the workspace. */
  readonly params: KObject | undefined;
  /** Parameters referenced but not in the workspace: what they impose is unknown. */
  readonly paramsUnknown: boolean;
  /** Whether the AWS Load Balancer Controller handles the Ingress. */
  readonly isAlb: boolean;
}

function byName(index: WorkspaceIndex, kind: string): ReadonlyMap<string, readonly KObject[]> {
  return index.derived(`xref:byName|${kind}`, () => {
    const m = new Map<string, KObject[]>();
    for (const o of index.objectsOfKind(kind)) {
      if (!o.model.name || isPartial(index, o)) continue;
      const list = m.get(o.model.name) ?? [];
      list.push(o);
      m.set(o.model.name, list);
    }
    return m;
  }, [kind]);
}

export function ingressClasses(index: WorkspaceIndex): ReadonlyMap<string, readonly KObject[]> {
  return byName(index, 'IngressClass');
}

export function ingressClassParams(index: WorkspaceIndex): ReadonlyMap<string, readonly KObject[]> {
  return byName(index, 'IngressClassParams');
}

export function controllerOf(cls: KObject): string | undefined {
  return scalarString(getIn(cls.model.root, ['spec', 'controller'], cls.model.anchors), cls.model.anchors);
}

export interface ParamsRef {
  readonly apiGroup: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  readonly kindSpan: Span | undefined;
  readonly apiGroupSpan: Span | undefined;
  readonly keySpan: Span | undefined;
}

export function paramsRefOf(cls: KObject): ParamsRef | undefined {
  const { root, anchors } = cls.model;
  const pair = getPair(asMap(getPair(root, 'spec')?.value, anchors), 'parameters');
  const p = asMap(pair?.value, anchors);
  if (!p) return undefined;
  const v = (k: string) => getPair(p, k)?.value;
  return {
    apiGroup: scalarString(v('apiGroup'), anchors),
    kind: scalarString(v('kind'), anchors),
    name: scalarString(v('name'), anchors),
    nameSpan: spanOf(v('name')),
    kindSpan: spanOf(v('kind')),
    apiGroupSpan: spanOf(v('apiGroup')),
    keySpan: spanOf(pair?.key),
  };
}

function defaultClass(index: WorkspaceIndex): KObject | undefined {
  return index.derived('xref:defaultIngressClass', () => {
    for (const list of ingressClasses(index).values()) {
      for (const c of list) {
        const v = scalarString(getIn(c.model.root, ['metadata', 'annotations', DEFAULT_CLASS], c.model.anchors), c.model.anchors);
        if (v === 'true') return c;
      }
    }
    return undefined;
  }, ['IngressClass']);
}

/** The class of an Ingress; it depends on the Ingress and on cluster-scoped objects only. */
export function resolveClass(index: WorkspaceIndex, ing: KObject): ClassResolution {
  return index.perObject(ing, 'xref:class', () => computeClass(index, ing));
}

function computeClass(index: WorkspaceIndex, ing: KObject): ClassResolution {
  const facts = ingressFacts(ing);
  const hasAlbAnnotations = facts.annotations.some((a) => a.key.startsWith(ALB));
  const legacy = annotation(facts, CLASS_ANNOTATION);
  const none = { cls: undefined, controller: undefined, paramsName: undefined, params: undefined, paramsUnknown: false };
  if (legacy) {
    return { ...none, via: 'annotation', name: legacy.value, nameSpan: legacy.valueSpan, isAlb: legacy.value === 'alb' };
  }
  let cls: KObject | undefined;
  let via: ClassResolution['via'] = 'none';
  if (facts.className) {
    via = 'spec';
    cls = ingressClasses(index).get(facts.className.value)?.[0];
  } else {
    cls = defaultClass(index);
    if (cls) via = 'default';
  }
  if (!cls) {
    const name = facts.className?.value;
    return { ...none, via, name, nameSpan: facts.className?.span, isAlb: name === 'alb' || (hasAlbAnnotations && (name === undefined || !name.includes('nginx'))) };
  }
  const controller = controllerOf(cls);
  // A default class found anywhere in the workspace only decides for Ingresses that look like the
  // ALB's (ALB annotations): a bare Ingress may be meant for another cluster's default.
  const albController = controller !== undefined && ALB_CONTROLLERS.has(controller);
  if (via === 'default' && !hasAlbAnnotations) return { ...none, via, name: cls.model.name, nameSpan: undefined, isAlb: false };
  const ref = paramsRefOf(cls);
  const isParams = ref?.kind === 'IngressClassParams' && !!ref.name;
  const params = isParams ? ingressClassParams(index).get(ref!.name!)?.[0] : undefined;
  return {
    via,
    name: cls.model.name,
    nameSpan: facts.className?.span,
    cls,
    controller,
    paramsName: isParams ? ref!.name : undefined,
    params,
    paramsUnknown: isParams && !params,
    isAlb: albController,
  };
}

/** A field of an IngressClassParams' spec, e.g. `['group', 'name']`. */
export function paramsField(params: KObject, path: readonly string[]): YNode | undefined {
  return getIn(params.model.root, ['spec', ...path], params.model.anchors);
}

export function paramsString(params: KObject, path: readonly string[]): string | undefined {
  return scalarString(paramsField(params, path), params.model.anchors);
}
