/**
 * Every file of the workspace and the Kubernetes objects in it, kept in memory. Files are set and
 * removed by the front ends (the LSP server from disk and open editors, the CLI from the paths it
 * is given); the core does no I/O. Lookups by kind are rebuilt lazily after a change.
 */
import { isClusterScoped } from '../kube/kinds';
import type { KubeObjectModel } from '../kube/object';
import { FileModel, KObject } from './fileModel';
import type { TextChange } from './resplit';
import { effectiveNamespace } from '../xref/namespaces';
import { kustomizeModel } from '../xref/kustomize';
import { groupMemberOf } from '../xref/ingressGroups';

/** In a rule's `reads`: the members of the checked Ingress's IngressGroup, in any namespace. */
export const INGRESS_GROUP = 'IngressGroup';

const NO_KINDS: readonly string[] = [];

interface Stamped {
  readonly stamp: string;
  generation: number;
  readonly value: unknown;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileModel>();
  private readonly byKind = new Map<string, KObject[]>();
  private readonly derivedCache = new Map<string, unknown>();
  private readonly stampedCache = new Map<string, Stamped>();
  private readonly nsKeys = new Map<string, string>();
  /** `clusterStamp`, until the next cluster-wide change or change of the set of files. */
  private clusterKey: string | undefined;
  /** The last object's `objectEpoch` (rules come in groups; fields rather than a record: no garbage per object). */
  private lastKeyObj: KObject | undefined;
  private lastKeyGeneration = -1;
  private lastKey = '';
  /** Whether the last file asked about is a kustomize patch (objects of a file come one after another). */
  private lastPartial: { readonly file: FileModel | undefined; readonly generation: number; readonly partial: boolean } = { file: undefined, generation: -1, partial: false };
  private readonly kindsKeys = new WeakMap<readonly string[], { readonly generation: number; readonly key: string }>();
  /** Increases when a file is added or removed. */
  private filesEpoch = 0;
  /** Increases on every change; lets callers cache derived data. */
  generation = 0;
  /** Change counters per namespace, and one for cluster-wide changes (see `epochOf`). */
  private readonly nsEpochs = new Map<string, number>();
  private clusterEpoch = 0;
  /** Change counters per kind (any namespace), for rules that read some kinds across namespaces. */
  private readonly kindEpochs = new Map<string, number>();
  /** Change counters per IngressGroup name; touched Ingresses are resolved to groups lazily. */
  private readonly groupEpochs = new Map<string, number>();
  private pendingIngresses: KObject[] = [];
  /** Objects changed since the namespace epochs were last brought up to date. */
  private pendingNamespaces: KObject[] = [];
  /** Where each object model currently stands (models are shared across versions of a file). */
  private readonly placement = new WeakMap<KubeObjectModel, KObject>();

  constructor(public maxFileSize: number = 5_000_000) {}

  /** A new text for a file; `change` (optional) says where it differs from the text set before. */
  set(uri: string, text: string, change?: TextChange): FileModel {
    const previous = this.files.get(uri);
    if (previous && previous.text === text) return previous;
    const file = new FileModel(uri, text, this.maxFileSize, previous, change);
    if (!previous) {
      this.filesEpoch++;
      this.clusterKey = undefined;
    }
    this.files.set(uri, file);
    for (const c of file.created) for (const o of c.objects) this.placement.set(o.model, o);
    this.changed();
    this.noteChanges(uri, previous, file);
    return file;
  }

  delete(uri: string): boolean {
    const previous = this.files.get(uri);
    const had = this.files.delete(uri);
    if (had) {
      this.filesEpoch++;
      this.clusterKey = undefined;
      this.changed();
      this.noteChanges(uri, previous, undefined);
    }
    return had;
  }

  /**
   * A key that changes whenever something in the object's namespace, or anything cluster-wide
   * (cluster-scoped objects, kustomizations), changes. Rules whose results depend only on those
   * (`locality: 'namespace'`) are re-run for an object only when its key changes.
   */
  epochOf(obj: KObject, reads: readonly string[] = NO_KINDS): string {
    return this.objectEpoch(obj) + this.readsEpoch(obj, reads);
  }

  /**
   * The part of `epochOf` that does not depend on `reads`: the same string object for as long as it
   * is unchanged, so callers comparing the parts separately mostly compare pointers.
   */
  objectEpoch(obj: KObject): string {
    if (this.lastKeyObj === obj && this.lastKeyGeneration === this.generation) return this.lastKey;
    let key: string;
    if (this.isPatch(obj.file)) key = `g${this.generation}`;
    else {
      // Pending changes hold the objects they removed (and so the file versions those were in):
      // resolved at the first read after a change.
      this.flushNamespaces();
      this.flushIngresses();
      key = this.namespaceKey(this.namespaceOf(obj));
    }
    this.lastKeyObj = obj;
    this.lastKeyGeneration = this.generation;
    this.lastKey = key;
    return key;
  }

  /**
   * The IngressGroup of an Ingress and its change counter. Membership depends on the Ingress's own
   * text, its namespace (kustomize: cluster epoch) and its class (cluster-scoped: cluster epoch), so
   * a group's counter needs bumping only for Ingresses whose text changed, in their old group and
   * their new one. Those are resolved here, when the index is complete, not on every `set`.
   */
  private groupEpochOf(obj: KObject): string {
    this.flushIngresses();
    const g = groupMemberOf(this, obj)?.group;
    return g === undefined ? '-' : `${g}:${this.groupEpochs.get(g) ?? 0}`;
  }

  /** The current placement of an object model (its file and offset may have moved since a result was cached). */
  placementOf(model: KubeObjectModel): KObject | undefined {
    return this.placement.get(model);
  }

  get(uri: string): FileModel | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  get fileCount(): number {
    return this.files.size;
  }

  get objectCount(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.objects.length;
    return n;
  }

  /** Objects of a kind, in file order; a list is rebuilt only after an object of its kind changed. */
  objectsOfKind(kind: string): readonly KObject[] {
    let list = this.byKind.get(kind);
    if (!list) {
      list = [];
      for (const f of this.files.values()) {
        const own = f.objectsOfKind(kind);
        for (let i = 0; i < own.length; i++) list.push(own[i]!);
      }
      this.byKind.set(kind, list);
    }
    return list;
  }

  /**
   * The namespace an object lives in; undefined for cluster-scoped kinds. A kustomization of the
   * object's folder chain that sets `namespace:` wins over `metadata.namespace` (xref/namespaces.ts).
   */
  namespaceOf(obj: KObject): string | undefined {
    // It depends on the object's text and on kustomizations and the set of files: kept until those change.
    const memo = obj.namespaceMemo;
    if (memo && memo.cluster === this.clusterEpoch && memo.files === this.filesEpoch) return memo.namespace;
    const namespace = isClusterScoped(obj.model.kind) ? undefined : effectiveNamespace(this, obj);
    obj.namespaceMemo = { cluster: this.clusterEpoch, files: this.filesEpoch, namespace };
    return namespace;
  }

  /**
   * Data derived from the whole index (pod templates by namespace, IngressGroups, ...), computed on
   * first use and shared until it may have changed. Without `kinds`, until the next change of any
   * file. With `kinds`, until an object of one of those kinds changes, a file is added or removed,
   * or anything cluster-wide changes (cluster-scoped objects, kustomizations): the value may then
   * depend only on objects of those kinds, cluster-wide data and the set of files, and must hold
   * objects, not offsets (objects keep their place current; see ChunkSlot).
   */
  derived<T>(key: string, compute: () => T, kinds?: readonly string[]): T {
    if (kinds) return this.stamped(this.stampedCache, key, kinds, compute);
    if (this.derivedCache.has(key)) return this.derivedCache.get(key) as T;
    const value = compute();
    this.derivedCache.set(key, value);
    return value;
  }

  /**
   * A value computed from one object's own text and the same inputs as `derived` with `kinds`,
   * cached on the object's chunk until those change.
   */
  perObject<T>(obj: KObject, key: string, compute: () => T, kinds: readonly string[] = NO_KINDS): T {
    return this.stamped((obj.memo ??= new Map()) as Map<string, Stamped>, key, kinds, compute);
  }

  /** A cached value, valid while what `kinds` stands for is unchanged (checked once per generation). */
  private stamped<T>(store: Map<string, Stamped>, key: string, kinds: readonly string[], compute: () => T): T {
    const hit = store.get(key);
    if (hit && hit.generation === this.generation) return hit.value as T;
    const stamp = this.stampOf(kinds);
    if (hit && hit.stamp === stamp) {
      hit.generation = this.generation;
      return hit.value as T;
    }
    const value = compute();
    store.set(key, { stamp, generation: this.generation, value });
    return value;
  }

  /** What `derived` and `perObject` values with these kinds depend on. */
  private stampOf(kinds: readonly string[]): string {
    return this.clusterStamp() + this.kindsKey(kinds);
  }

  /** Cluster-wide data (kustomizations, cluster-scoped objects) and the set of files. */
  private clusterStamp(): string {
    return (this.clusterKey ??= `c${this.clusterEpoch}/${this.filesEpoch}`);
  }

  /**
   * Like `objectEpoch`, for results that depend on cluster-wide data only (not on the namespace):
   * kustomizations and cluster-scoped objects, and the set of files.
   */
  clusterEpochOf(obj: KObject): string {
    return this.isPatch(obj.file) ? `g${this.generation}` : this.clusterStamp();
  }

  /**
   * Whether kustomize treats the file as a patch. Such objects are checked merged onto objects of
   * any namespace: their results are never kept across changes. (The last file's answer is kept:
   * objects of a file are checked one after another.)
   */
  private isPatch(file: FileModel): boolean {
    if (this.lastPartial.file !== file || this.lastPartial.generation !== this.generation) {
      this.lastPartial = { file, generation: this.generation, partial: kustomizeModel(this).partial.has(file.uri) };
    }
    return this.lastPartial.partial;
  }

  /** The part of `epochOf` that depends on `reads`. */
  readsEpoch(obj: KObject, reads: readonly string[]): string {
    if (!reads.length) return '';
    const key = this.kindsKey(reads);
    return reads.includes(INGRESS_GROUP) ? `${key}|${this.groupEpochOf(obj)}` : key;
  }

  /** `clusterEpoch|namespace:epoch`, one string per namespace until either changes. */
  private namespaceKey(ns: string | undefined): string {
    const name = ns ?? '';
    let key = this.nsKeys.get(name);
    if (key === undefined) this.nsKeys.set(name, (key = `${this.clusterEpoch}|${ns === undefined ? '' : `${ns}:${this.nsEpochs.get(ns) ?? 0}`}`));
    return key;
  }

  /** The change counters of these kinds (`IngressGroup` left out), one string per list and generation. */
  private kindsKey(kinds: readonly string[]): string {
    const hit = this.kindsKeys.get(kinds);
    if (hit && hit.generation === this.generation) return hit.key;
    let key = '';
    for (const k of kinds) if (k !== INGRESS_GROUP) key += `|${k}:${this.kindEpochs.get(k) ?? 0}`;
    this.kindsKeys.set(kinds, { generation: this.generation, key });
    return key;
  }

  /** Bumps the epochs of what a new version of a file touched: only documents whose text changed count. */
  private noteChanges(uri: string, previous: FileModel | undefined, next: FileModel | undefined): void {
    const touched: KObject[] = [];
    const dropped = next?.takeDropped();
    if (dropped) {
      for (const c of dropped) touched.push(...c.objects);
    } else {
      const kept = new Set(next?.chunks);
      for (const c of previous?.chunks ?? []) if (!kept.has(c)) touched.push(...c.objects);
    }
    for (const c of next?.created ?? []) touched.push(...c.objects);
    for (const o of touched) this.byKind.delete(o.model.kind);
    const clusterWide = /(^|\/)(kustomization\.ya?ml|Kustomization)$/i.test(uri)
      || touched.some((o) => isClusterScoped(o.model.kind) || o.model.kind === 'Kustomization' || o.model.kind === 'Component');
    if (clusterWide) {
      this.clusterEpoch++;
      this.clusterKey = undefined;
      this.nsKeys.clear();
      this.pendingIngresses = []; // every cached result is stale anyway
      this.pendingNamespaces = [];
      return;
    }
    for (const o of touched) {
      this.kindEpochs.set(o.model.kind, (this.kindEpochs.get(o.model.kind) ?? 0) + 1);
      if (o.model.kind === 'Ingress') this.pendingIngresses.push(o);
      // Namespaces are resolved when results are next read (`epochOf`): resolving them here would
      // rebuild the kustomize model on every file of a bulk load.
      this.pendingNamespaces.push(o);
    }
  }

  /** Bumps the epochs of the groups of the Ingresses changed since the last read. */
  private flushIngresses(): void {
    if (!this.pendingIngresses.length) return;
    const pending = this.pendingIngresses;
    this.pendingIngresses = [];
    const groups = new Set(pending.map((o) => groupMemberOf(this, o)?.group ?? ''));
    for (const g of groups) this.groupEpochs.set(g, (this.groupEpochs.get(g) ?? 0) + 1);
  }

  /** Bumps the namespace epochs of the objects changed since the last read. */
  private flushNamespaces(): void {
    if (!this.pendingNamespaces.length) return;
    const pending = this.pendingNamespaces;
    this.pendingNamespaces = [];
    const touched = new Set<string>();
    for (const o of pending) {
      touched.add(o.model.namespace ?? 'default');
      const ns = this.namespaceOf(o);
      if (ns !== undefined) touched.add(ns);
    }
    for (const ns of touched) {
      this.nsEpochs.set(ns, (this.nsEpochs.get(ns) ?? 0) + 1);
      this.nsKeys.delete(ns);
    }
  }

  private changed(): void {
    this.generation++;
    this.derivedCache.clear();
  }
}
