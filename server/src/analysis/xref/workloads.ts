/**
 * Pod templates of the workspace by namespace, with the labels their pods will really carry:
 * the template's labels, the labels kustomize adds (commonLabels, labels with includeTemplates),
 * and the labels controllers add (pod-template-hash, job-name, statefulset pod-name ...), whose
 * values are unknown here and so match any requirement ("wildcards"). Computed once per index
 * generation; per-object extraction is memoised on the parsed chunk.
 */
import { matchesRequirement, Selector } from '../kube/selectors';
import { podTemplateOf, PodTemplate } from '../kube/podTemplates';
import { POD_TEMPLATE_PATHS } from '../kube/kinds';
import type { KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isTemplated } from '../yaml/nodes';
import { isPartial, kustomizeModel } from './kustomize';
import { knownNamespace } from './namespaces';

export const WORKLOAD_KINDS: readonly string[] = ['Pod', ...POD_TEMPLATE_PATHS.keys()];

export interface PodLabels {
  readonly labels: ReadonlyMap<string, string>;
  /** Keys whose value is unknown here (set by a controller, or a `${VAR}` placeholder). */
  readonly wildcards: ReadonlySet<string>;
}

export interface Workload extends PodLabels {
  readonly obj: KObject;
  readonly tpl: PodTemplate;
  readonly namespace: string;
  readonly name: string;
  /** Labels added by kustomize (not written in the template). */
  readonly kustomizeLabels: ReadonlyMap<string, string>;
}

export interface WorkloadIndex {
  readonly byNamespace: ReadonlyMap<string, readonly Workload[]>;
}

/** Labels controllers put on the pods they create, with values we cannot know. */
const CONTROLLER_LABELS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['pod-template-hash'],
  Rollout: ['rollouts-pod-template-hash'],
  StatefulSet: ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash'],
  DaemonSet: ['controller-revision-hash', 'pod-template-generation'],
  Job: ['controller-uid', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-completion-index'],
  CronJob: ['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name'],
};

/** The pod template of an object, memoised on its chunk (it depends only on the chunk's text). */
export function podTemplateCached(obj: KObject): PodTemplate | undefined {
  const key = `xref:tpl|${obj.ordinal}`;
  let t: PodTemplate | undefined;
  if (obj.chunk.memo.has(key)) t = obj.chunk.memo.get(key) as PodTemplate | undefined;
  else {
    t = podTemplateOf(obj);
    obj.chunk.memo.set(key, t);
  }
  // The chunk outlives the file version it was parsed for: re-attach the current object.
  return t && t.obj !== obj ? { ...t, obj } : t;
}

export function workloadIndex(index: WorkspaceIndex): WorkloadIndex {
  return index.derived('xref:workloads', () => {
    const byNamespace = new Map<string, Workload[]>();
    for (const kind of WORKLOAD_KINDS) {
      for (const obj of index.objectsOfKind(kind)) {
        const w = workloadOf(index, obj);
        if (!w) continue;
        const list = byNamespace.get(w.namespace);
        if (list) list.push(w);
        else byNamespace.set(w.namespace, [w]);
      }
    }
    return { byNamespace };
  }, WORKLOAD_KINDS);
}

/** The workload an object is (undefined for other kinds, patches, and unknown namespaces). */
export function workloadOf(index: WorkspaceIndex, obj: KObject): Workload | undefined {
  if (!WORKLOAD_KINDS.includes(obj.model.kind)) return undefined;
  return index.perObject(obj, 'xref:workload', () => computeWorkload(index, obj));
}

function computeWorkload(index: WorkspaceIndex, obj: KObject): Workload | undefined {
  if (isPartial(index, obj)) return undefined;
  const namespace = knownNamespace(index, obj);
  const tpl = podTemplateCached(obj);
  if (!namespace || !tpl) return undefined;
  const added = kustomizeModel(index).effect(obj.file.uri).templateLabels;
  const labels = new Map(tpl.labels);
  for (const [k, v] of added) labels.set(k, v);
  const wildcards = new Set<string>(CONTROLLER_LABELS[obj.model.kind] ?? []);
  const name = obj.model.name ?? '(unnamed)';
  if (obj.model.kind === 'Job' && obj.model.name) {
    labels.set('job-name', obj.model.name);
    labels.set('batch.kubernetes.io/job-name', obj.model.name);
  }
  for (const [k, v] of labels) if (isTemplated(k) || isTemplated(v)) wildcards.add(k);
  return { obj, tpl, namespace, name, labels, wildcards, kustomizeLabels: added };
}

export function workloadsIn(index: WorkspaceIndex, namespace: string): readonly Workload[] {
  return workloadIndex(index).byNamespace.get(namespace) ?? [];
}

/**
 * Whether a selector may select pods with these labels. Wildcard labels satisfy any requirement
 * on their key except DoesNotExist: "may" errs on the side of no false alarm.
 */
export function mayMatch(selector: Selector, pod: PodLabels): boolean {
  return selector.requirements.every((r) => (pod.wildcards.has(r.key) ? r.operator !== 'DoesNotExist' : matchesRequirement(r, pod.labels)));
}

/** Label keys and values used by the pod templates of a namespace (for completion and near misses). */
export function labelValuesIn(index: WorkspaceIndex, namespace: string): ReadonlyMap<string, ReadonlySet<string>> {
  return index.derived(`xref:labelValues|${namespace}`, () => {
    const out = new Map<string, Set<string>>();
    for (const w of workloadsIn(index, namespace)) {
      for (const [k, v] of w.labels) {
        const set = out.get(k) ?? new Set<string>();
        set.add(v);
        out.set(k, set);
      }
    }
    return out;
  }, WORKLOAD_KINDS);
}

/** `Deployment web`. */
export function describeWorkload(w: { obj: KObject; name: string }): string {
  return `${w.obj.model.kind} ${w.name}`;
}
