/**
 * Every file of the workspace and the Kubernetes objects in it, kept in memory. Files are set and
 * removed by the front ends (the LSP server from disk and open editors, the CLI from the paths it
 * is given); the core does no I/O. Lookups by kind are rebuilt lazily after a change.
 */
import { isClusterScoped } from '../kube/kinds';
import { FileModel, KObject, skipReasonOf } from './fileModel';
import { effectiveNamespace } from '../xref/namespaces';

export class WorkspaceIndex {
  private readonly files = new Map<string, FileModel>();
  private byKind: Map<string, KObject[]> | undefined;
  private readonly derivedCache = new Map<string, unknown>();
  /** Increases on every change; lets callers cache derived data. */
  generation = 0;

  constructor(public maxFileSize: number = 5_000_000) {}

  set(uri: string, text: string): FileModel {
    const previous = this.files.get(uri);
    if (previous && previous.text === text) return previous;
    const file = new FileModel(uri, text, skipReasonOf(text, this.maxFileSize), previous);
    this.files.set(uri, file);
    this.changed();
    return file;
  }

  delete(uri: string): boolean {
    const had = this.files.delete(uri);
    if (had) this.changed();
    return had;
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

  objectsOfKind(kind: string): readonly KObject[] {
    if (!this.byKind) {
      const m = new Map<string, KObject[]>();
      for (const f of this.files.values()) {
        for (const o of f.objects) {
          const list = m.get(o.model.kind) ?? [];
          list.push(o);
          m.set(o.model.kind, list);
        }
      }
      this.byKind = m;
    }
    return this.byKind.get(kind) ?? [];
  }

  /**
   * The namespace an object lives in; undefined for cluster-scoped kinds. A kustomization of the
   * object's folder chain that sets `namespace:` wins over `metadata.namespace` (xref/namespaces.ts).
   */
  namespaceOf(obj: KObject): string | undefined {
    if (isClusterScoped(obj.model.kind)) return undefined;
    return effectiveNamespace(this, obj);
  }

  /**
   * Data derived from the whole index (pod templates by namespace, IngressGroups, ...), computed
   * on first use after a change and shared until the next change.
   */
  derived<T>(key: string, compute: () => T): T {
    if (this.derivedCache.has(key)) return this.derivedCache.get(key) as T;
    const value = compute();
    this.derivedCache.set(key, value);
    return value;
  }

  private changed(): void {
    this.generation++;
    this.byKind = undefined;
    this.derivedCache.clear();
  }
}
