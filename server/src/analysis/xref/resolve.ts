/**
 * Resolving a reference by name, with the outcome every cross-reference rule distinguishes:
 * found; missing (the workspace holds objects of that kind there, none by this name: an error
 * worth a "did you mean"); elsewhere (the workspace holds none of that kind there, so the target
 * may well be deployed from another place: information only); unknown (a placeholder).
 */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isTemplated } from '../yaml/nodes';
import { nearMisses } from './names';
import { ServiceInfo, servicesIn } from './services';

export type Resolution<T> =
  | { readonly status: 'found'; readonly targets: readonly T[] }
  | { readonly status: 'missing'; readonly candidates: readonly string[] }
  | { readonly status: 'elsewhere' }
  | { readonly status: 'unknown' };

export function resolveService(index: WorkspaceIndex, namespace: string, name: string): Resolution<ServiceInfo> {
  if (isTemplated(name) || isTemplated(namespace)) return { status: 'unknown' };
  const services = servicesIn(index, namespace);
  const found = services.get(name);
  if (found?.length) return { status: 'found', targets: found };
  if (!services.size) return { status: 'elsewhere' };
  return { status: 'missing', candidates: nearMisses(name, services.keys()) };
}

/** A name among a cluster-scoped kind's objects (IngressClass, IngressClassParams). */
export function resolveByName<T>(byName: ReadonlyMap<string, readonly T[]>, name: string): Resolution<T> {
  if (isTemplated(name)) return { status: 'unknown' };
  const found = byName.get(name);
  if (found?.length) return { status: 'found', targets: found };
  const candidates = nearMisses(name, byName.keys());
  return byName.size && candidates.length ? { status: 'missing', candidates } : { status: 'elsewhere' };
}
