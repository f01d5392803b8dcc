/**
 * The namespace an object lives in, as the API server will see it: cluster-scoped kinds have
 * none; a kustomization of the object's folder chain that sets `namespace:` decides (it overrides
 * `metadata.namespace`, as `kustomize build` does); then `metadata.namespace`; then `default`.
 */
import { isClusterScoped } from '../kube/kinds';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isTemplated } from '../yaml/nodes';
import { kustomizeModel } from './kustomize';

export function effectiveNamespace(index: WorkspaceIndex, obj: KObject): string | undefined {
  if (isClusterScoped(obj.model.kind)) return undefined;
  return kustomizeModel(index).effect(obj.file.uri).namespace ?? obj.model.namespace ?? 'default';
}

/** The namespace when it is a real name (not a `${VAR}` placeholder); undefined otherwise. */
export function knownNamespace(index: WorkspaceIndex, obj: KObject): string | undefined {
  const ns = index.namespaceOf(obj);
  return ns !== undefined && !isTemplated(ns) ? ns : undefined;
}
