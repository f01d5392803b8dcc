/**
 * Argo Rollouts ALB traffic routing: the Rollouts controller writes the
 * `alb.ingress.kubernetes.io/actions.<rootService or stableService>` annotation of the Ingresses
 * named in `spec.strategy.canary.trafficRouting.alb` at runtime, so a `use-annotation` backend of
 * such an Ingress has no action in the manifest by design.
 */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { asSeq, getIn, scalarString } from '../yaml/nodes';
import { knownNamespace } from './namespaces';

export interface RolloutManaged {
  readonly ingresses: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
}

const NONE: RolloutManaged = { ingresses: new Set(), services: new Set() };

export function rolloutManaged(index: WorkspaceIndex, namespace: string): RolloutManaged {
  return index.derived('xref:rolloutAlb', () => {
    const m = new Map<string, { ingresses: Set<string>; services: Set<string> }>();
    for (const r of index.objectsOfKind('Rollout')) {
      const ns = knownNamespace(index, r);
      const { root, anchors } = r.model;
      const canary = getIn(root, ['spec', 'strategy', 'canary'], anchors);
      const alb = getIn(canary, ['trafficRouting', 'alb'], anchors);
      if (!ns || !alb) continue;
      const entry = m.get(ns) ?? { ingresses: new Set<string>(), services: new Set<string>() };
      const ing = scalarString(getIn(alb, ['ingress'], anchors), anchors);
      if (ing) entry.ingresses.add(ing);
      for (const i of asSeq(getIn(alb, ['ingresses'], anchors), anchors)?.items ?? []) {
        const s = scalarString(i, anchors);
        if (s) entry.ingresses.add(s);
      }
      for (const s of [scalarString(getIn(alb, ['rootService'], anchors), anchors), scalarString(getIn(canary, ['stableService'], anchors), anchors)]) {
        if (s) entry.services.add(s);
      }
      m.set(ns, entry);
    }
    return m;
  }, ['Rollout']).get(namespace) ?? NONE;
}
