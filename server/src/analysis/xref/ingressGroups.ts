/**
 * IngressGroups: ALB Ingresses that share one load balancer, by `group.name` annotation or by
 * their class's IngressClassParams `spec.group.name` (which wins). Groups are cluster-wide: members
 * may live in any namespace. Computed once per index generation.
 */
import type { Span } from '../model/types';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isTemplated } from '../yaml/nodes';
import { ALB, annotation, IngressFacts, ingressFacts } from './ingress';
import { ClassResolution, paramsString, resolveClass } from './classes';
import { isPartial } from './kustomize';
import { knownNamespace } from './namespaces';

export const GROUP_NAME = `${ALB}group.name`;
export const GROUP_ORDER = `${ALB}group.order`;

export interface GroupMember {
  readonly obj: KObject;
  readonly facts: IngressFacts;
  readonly namespace: string;
  readonly name: string;
  readonly group: string;
  /** Where the group comes from; the span is chunk-relative to `obj` for the annotation. */
  readonly source: 'annotation' | 'params';
  readonly groupSpan: Span | undefined;
  readonly cls: ClassResolution;
}

/** The order of `localeCompare`, without building a collator per comparison. */
const COLLATOR = new Intl.Collator();
const SORTED = new WeakSet<GroupMember[]>();

/** The members of each IngressGroup, by group name. */
export function ingressGroups(index: WorkspaceIndex): ReadonlyMap<string, GroupMember[]> {
  return index.derived('xref:ingressGroups', () => {
    const m = new Map<string, GroupMember[]>();
    for (const obj of index.objectsOfKind('Ingress')) {
      const member = groupMemberOf(index, obj);
      if (!member) continue;
      const list = m.get(member.group) ?? [];
      list.push(member);
      m.set(member.group, list);
    }
    return m;
  }, ['Ingress']);
}

/** The members of one group, sorted by namespace/name (sorted on first use: an edit rebuilds the map). */
export function groupMembers(index: WorkspaceIndex, group: string): readonly GroupMember[] {
  const list = ingressGroups(index).get(group);
  if (!list) return [];
  if (!SORTED.has(list)) {
    list.sort((a, b) => COLLATOR.compare(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`));
    SORTED.add(list);
  }
  return list;
}

/** The Ingress's IngressGroup membership; like its class, it depends on cluster-wide data only. */
export function groupMemberOf(index: WorkspaceIndex, obj: KObject): GroupMember | undefined {
  return index.perObject(obj, 'xref:groupMember', () => computeMember(index, obj));
}

function computeMember(index: WorkspaceIndex, obj: KObject): GroupMember | undefined {
  if (obj.model.kind !== 'Ingress' || isPartial(index, obj)) return undefined;
  const namespace = knownNamespace(index, obj);
  if (!namespace) return undefined;
  const cls = resolveClass(index, obj);
  if (!cls.isAlb) return undefined;
  const facts = ingressFacts(obj);
  const fromParams = cls.params ? paramsString(cls.params, ['group', 'name']) : undefined;
  const ann = annotation(facts, GROUP_NAME);
  const group = fromParams ?? ann?.value;
  if (!group || isTemplated(group)) return undefined;
  return {
    obj,
    facts,
    namespace,
    name: obj.model.name ?? '(unnamed)',
    group,
    source: fromParams ? 'params' : 'annotation',
    groupSpan: fromParams ? undefined : ann?.valueSpan,
    cls,
  };
}

/** The other members of the object's group (empty when it is in none). */
export function otherMembers(index: WorkspaceIndex, obj: KObject): { self: GroupMember; others: GroupMember[] } | undefined {
  const self = groupMemberOf(index, obj);
  if (!self) return undefined;
  const others = groupMembers(index, self.group).filter((m) => m.obj.model !== obj.model);
  return { self, others };
}

export function describeMember(m: GroupMember): string {
  return `${m.namespace}/${m.name}`;
}
