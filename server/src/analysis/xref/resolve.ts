/**
 * Resolving a reference by name, with the outcome every cross-reference rule distinguishes:
 * found; missing (the workspace holds objects of that kind there, none by this name: an error
 * worth a "did you mean"); elsewhere (the workspace holds none of that kind there, so the target
 * may well be deployed from another place: information only); unknown (a placeholder).
 */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isTemplated } from '../yaml/nodes';
import { dirOf, neighbourhood } from './kustomize';
import { nearMisses } from './names';
import { ServiceInfo, servicesIn } from './services';

export type Resolution<T> =
  | { readonly status: 'found'; readonly targets: readonly T[] }
  | { readonly status: 'missing'; readonly candidates: readonly string[] }
  | { readonly status: 'elsewhere' }
  | { readonly status: 'unknown' };

/** `${VAR}`, `{{ }}`, `<your-service>`: a value to be filled in, not a name. */
export function isPlaceholder(value: string): boolean {
  return isTemplated(value) || /^<[^>]*>$/.test(value.trim());
}

/**
 * A Service by name in a namespace, as seen from the object at `fromUri`. Missing (a warning) when
 * the name is a typo of a Service of the namespace, or when Services are written next to the
 * referrer (same folder, same kustomize build) so the reference is expected to resolve; otherwise
 * the Service is probably deployed from elsewhere.
 */
export function resolveService(index: WorkspaceIndex, namespace: string, name: string, fromUri?: string): Resolution<ServiceInfo> {
  if (isPlaceholder(name) || isTemplated(namespace)) return { status: 'unknown' };
  const services = servicesIn(index, namespace);
  const found = services.get(name);
  if (found?.length) return { status: 'found', targets: found };
  if (!services.size) return { status: 'elsewhere' };
  if (!fromUri) return { status: 'missing', candidates: nearMisses(name, services.keys()) };
  // Services of this namespace written next to the referrer (same folder or kustomize build), and
  // those of the same project area (same grandparent folder) for spelling mistakes.
  const near = neighbourhood(index, fromUri);
  const area = dirOf(dirOf(fromUri)) + '/';
  const local = [...services].filter(([, list]) => list.some((s) => near.has(s.obj.file.uri))).map(([n]) => n);
  const inArea = [...services].filter(([, list]) => list.some((s) => s.obj.file.uri.startsWith(area))).map(([n]) => n);
  const typos = nearMisses(name, inArea, 3, false);
  const candidates = [...new Set([...nearMisses(name, local), ...typos])].slice(0, 3);
  if (local.length || typos.length) return { status: 'missing', candidates };
  return { status: 'elsewhere' };
}

/** A name among a cluster-scoped kind's objects (IngressClass, IngressClassParams). */
export function resolveByName<T>(byName: ReadonlyMap<string, readonly T[]>, name: string): Resolution<T> {
  if (isTemplated(name)) return { status: 'unknown' };
  const found = byName.get(name);
  if (found?.length) return { status: 'found', targets: found };
  // Cluster-scoped names (classes) are compared by spelling and prefix only: `awesome-class-cfg`
  // may mean `awesome-class`, but `nginx-internal` is no typo of `internal`.
  const candidates = nearMisses(name, byName.keys(), 3, 'prefix');
  return byName.size && candidates.length ? { status: 'missing', candidates } : { status: 'elsewhere' };
}
