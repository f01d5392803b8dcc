/**
 * Kustomize, as far as references need it: which kustomizations list which files, the namespace
 * and labels they apply (`namespace`, `commonLabels`, `labels` with includeSelectors /
 * includeTemplates), and which files are patches (partial objects, never objects of their own).
 *
 * Everything is read from the index (the core does no I/O): kustomizations are `kind:
 * Kustomization` / `kind: Component` objects, or files named kustomization.yaml / .yml /
 * Kustomization whose root map is read directly (they often carry no apiVersion/kind). Relative
 * paths are resolved on the `file:///` uri strings.
 *
 * A file takes the namespace and labels of the kustomizations in its folder chain that include it
 * (directly, or through a kustomization of a parent folder listing the child folder), outermost
 * namespace winning as in `kustomize build`. Overlays in sibling folders (`overlays/prod` listing
 * `../../base`) do not change what a base file is: the same file can be built many ways, and the
 * folder chain is the one the author reads.
 */
import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { FileModel, KObject } from '../workspace/fileModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { asMap, asSeq, getPair, scalarString, stringEntries } from '../yaml/nodes';

export interface LabelSet {
  readonly labels: ReadonlyMap<string, string>;
  /** Added to selectors (Service `spec.selector`, workload `spec.selector`, NetworkPolicy podSelector). */
  readonly selectors: boolean;
  /** Added to pod template labels. */
  readonly templates: boolean;
}

export interface Kustomization {
  readonly uri: string;
  /** The folder uri, without a trailing slash. */
  readonly dir: string;
  readonly kind: 'Kustomization' | 'Component';
  readonly namespace: string | undefined;
  readonly labelSets: readonly LabelSet[];
  /** Resolved uris of `resources`/`bases`/`components` entries (files, or folders without a slash). */
  readonly resources: readonly string[];
  /** Resolved uris of patch files. */
  readonly patches: readonly string[];
}

/** What the kustomizations of its folder chain do to a file's objects. */
export interface FileEffect {
  readonly namespace: string | undefined;
  /** Labels kustomize adds to the objects' pod templates. */
  readonly templateLabels: ReadonlyMap<string, string>;
  /** Labels kustomize adds to the objects' selectors. */
  readonly selectorLabels: ReadonlyMap<string, string>;
  /** The kustomizations applied, innermost first. */
  readonly chain: readonly Kustomization[];
}

export interface KustomizeModel {
  readonly kustomizations: ReadonlyMap<string, Kustomization>;
  /** Files that are patches (of a Kustomization or a Component). */
  readonly partial: ReadonlySet<string>;
  /** Kustomizations listing a file as a patch. */
  readonly patchOwners: ReadonlyMap<string, readonly Kustomization[]>;
  effect(uri: string): FileEffect;
  /** Every file a kustomization builds from (resources and components, recursively). */
  closure(k: Kustomization): ReadonlySet<string>;
  /** The kustomizations whose build includes a file. */
  buildsOf(uri: string): readonly Kustomization[];
}

const NO_EFFECT: FileEffect = { namespace: undefined, templateLabels: new Map(), selectorLabels: new Map(), chain: [] };
const KUSTOMIZATION_FILE = /\/(kustomization\.ya?ml|Kustomization)$/;
const EMPTY_MODEL: KustomizeModel = {
  kustomizations: new Map(),
  partial: new Set(),
  patchOwners: new Map(),
  effect: () => NO_EFFECT,
  closure: () => new Set(),
  buildsOf: () => [],
};

/**
 * The model is rebuilt only when a kustomization file changes or files come and go (resources may
 * appear); an edit of an ordinary manifest reuses it, so typing stays cheap in big workspaces.
 */
const previous = new WeakMap<WorkspaceIndex, { readonly signature: string; readonly model: KustomizeModel }>();

export function kustomizeModel(index: WorkspaceIndex): KustomizeModel {
  return index.derived('xref:kustomize', () => {
    const signature = signatureOf(index);
    const last = previous.get(index);
    if (last && last.signature === signature) return last.model;
    const model = build(index);
    previous.set(index, { signature, model });
    return model;
  }, []);
}

/** Which kustomization files exist and which version of each: enough to know the model is unchanged. */
function signatureOf(index: WorkspaceIndex): string {
  const parts: string[] = [String(index.fileCount)];
  for (const kind of ['Kustomization', 'Component']) for (const o of index.objectsOfKind(kind)) parts.push(`${o.file.uri}@${versionOf(o.file)}`);
  let hash = 0; // which files exist: a resource may appear or disappear
  for (const uri of index.uris()) {
    for (let i = 0; i < uri.length; i++) hash = (Math.imul(hash, 31) + uri.charCodeAt(i)) | 0;
    if (uri.endsWith('ustomization.yaml') || uri.endsWith('ustomization.yml') || uri.endsWith('/Kustomization')) parts.push(`${uri}@${versionOf(index.get(uri)!)}`);
  }
  parts.push(String(hash));
  return parts.join('|');
}

const versions = new WeakMap<FileModel, number>();
let nextVersion = 0;
function versionOf(f: FileModel): number {
  let v = versions.get(f);
  if (v === undefined) versions.set(f, (v = ++nextVersion));
  return v;
}

/** True when the object comes from a patch file: a partial object, not one of its own. */
export function isPartial(index: WorkspaceIndex, obj: KObject): boolean {
  return kustomizeModel(index).partial.has(obj.file.uri);
}

export function isKustomizeKind(obj: KObject): boolean {
  return (obj.model.kind === 'Kustomization' || obj.model.kind === 'Component') && obj.model.apiVersion.startsWith('kustomize.config.k8s.io/');
}

function build(index: WorkspaceIndex): KustomizeModel {
  const found = new Map<string, Kustomization>();
  const add = (file: FileModel, root: YAMLMap<unknown, unknown>, anchors: Parameters<typeof asMap>[1], kind: 'Kustomization' | 'Component') => {
    if (found.has(file.uri)) return;
    found.set(file.uri, readKustomization(file.uri, root, anchors, kind));
  };
  for (const kind of ['Kustomization', 'Component'] as const) {
    for (const o of index.objectsOfKind(kind)) if (isKustomizeKind(o)) add(o.file, o.model.root, o.model.anchors, kind);
  }
  for (const uri of index.uris()) {
    if (!KUSTOMIZATION_FILE.test(uri) || found.has(uri)) continue;
    const file = index.get(uri);
    const doc = file?.chunks[0]?.parsed.docs[0];
    const root = doc && isMap(doc.contents) ? (doc.contents as YAMLMap<unknown, unknown>) : undefined;
    if (!file || !root) continue;
    const apiVersion = scalarString(getPair(root, 'apiVersion')?.value);
    if (apiVersion && !apiVersion.startsWith('kustomize.config.k8s.io/')) continue; // e.g. Flux's Kustomization
    add(file, root, undefined, scalarString(getPair(root, 'kind')?.value) === 'Component' ? 'Component' : 'Kustomization');
  }
  if (!found.size) return EMPTY_MODEL;

  const byDir = new Map<string, Kustomization>();
  for (const k of found.values()) if (!byDir.has(k.dir)) byDir.set(k.dir, k);
  const includers = new Map<string, Kustomization[]>();
  const partial = new Set<string>();
  const patchOwners = new Map<string, Kustomization[]>();
  for (const k of found.values()) {
    for (const r of k.resources) push(includers, r, k);
    for (const p of k.patches) {
      partial.add(p);
      push(patchOwners, p, k);
    }
  }

  const effects = new Map<string, FileEffect>();
  const effect = (uri: string): FileEffect => {
    let e = effects.get(uri);
    if (!e) {
      e = computeEffect(uri, includers);
      effects.set(uri, e);
    }
    return e;
  };
  const closures = new Map<Kustomization, Set<string>>();
  const closure = (k: Kustomization): Set<string> => {
    let c = closures.get(k);
    if (c) return c;
    c = new Set();
    closures.set(k, c);
    const seen = new Set<Kustomization>([k]);
    const walk = (kz: Kustomization) => {
      for (const r of kz.resources) {
        if (index.get(r)) c!.add(r);
        const child = byDir.get(r);
        if (child && !seen.has(child)) {
          seen.add(child);
          walk(child);
        }
      }
    };
    walk(k);
    return c;
  };
  let builds: Map<string, Kustomization[]> | undefined;
  const buildsOf = (uri: string): readonly Kustomization[] => {
    if (!builds) {
      builds = new Map();
      for (const k of found.values()) for (const f of closure(k)) push(builds, f, k);
    }
    return builds.get(uri) ?? [];
  };
  return { kustomizations: found, partial, patchOwners, effect, closure, buildsOf };
}

/**
 * The files an object is written next to: its folder, and every file built together with it by a
 * kustomization. References are expected to resolve there; a name that resolves nowhere near and
 * is no typo of anything is more likely deployed from elsewhere than wrong.
 */
export function neighbourhood(index: WorkspaceIndex, uri: string): ReadonlySet<string> {
  return index.derived(`xref:neighbourhood|${uri}`, () => {
    const dir = dirOf(uri);
    const out = new Set<string>([uri]);
    for (const u of filesIn(index, dir)) out.add(u);
    const model = kustomizeModel(index);
    for (const k of model.buildsOf(uri)) for (const f of model.closure(k)) out.add(f);
    return out;
  }, []);
}

/**
 * Whether `other` belongs to the same part of the workspace as `uri`: its neighbourhood, or the
 * same grandparent folder. Cluster-scoped objects (classes) defined far away in a workspace that
 * holds several projects are not taken as the ones an object means.
 */
export function sameArea(index: WorkspaceIndex, uri: string, other: string): boolean {
  return other.startsWith(dirOf(dirOf(uri)) + '/') || neighbourhood(index, uri).has(other);
}

function filesIn(index: WorkspaceIndex, dir: string): readonly string[] {
  return index.derived('xref:filesByDir', () => {
    const m = new Map<string, string[]>();
    for (const u of index.uris()) push(m, dirOf(u), u);
    return m;
  }, []).get(dir) ?? [];
}

function computeEffect(uri: string, includers: ReadonlyMap<string, Kustomization[]>): FileEffect {
  const chain: Kustomization[] = [];
  const seen = new Set<Kustomization>();
  let target = uri;
  let from = dirOf(uri);
  for (let depth = 0; depth < 50; depth++) {
    const k = (includers.get(target) ?? []).find((c) => !seen.has(c) && (from === c.dir || from.startsWith(c.dir + '/')));
    if (!k) break;
    seen.add(k);
    chain.push(k);
    target = k.dir;
    from = k.dir;
  }
  if (!chain.length) return NO_EFFECT;
  let namespace: string | undefined;
  const templateLabels = new Map<string, string>();
  const selectorLabels = new Map<string, string>();
  for (const k of chain) {
    if (k.namespace) namespace = k.namespace; // the outermost one wins
    for (const set of k.labelSets) {
      for (const [key, value] of set.labels) {
        if (set.templates) templateLabels.set(key, value);
        if (set.selectors) selectorLabels.set(key, value);
      }
    }
  }
  return { namespace, templateLabels, selectorLabels, chain };
}

function readKustomization(uri: string, root: YAMLMap<unknown, unknown>, anchors: Parameters<typeof asMap>[1], kind: 'Kustomization' | 'Component'): Kustomization {
  const dir = dirOf(uri);
  const strings = (key: string): string[] => (asSeq(getPair(root, key)?.value, anchors)?.items ?? []).map((i) => scalarString(i, anchors)).filter((s): s is string => !!s);
  const resources = [...strings('resources'), ...strings('bases'), ...strings('components')].map((r) => resolve(dir, r)).filter((r): r is string => !!r);
  const patches: string[] = [];
  for (const field of ['patches', 'patchesJson6902']) {
    for (const item of asSeq(getPair(root, field)?.value, anchors)?.items ?? []) {
      const path = scalarString(getPair(asMap(item, anchors), 'path')?.value, anchors);
      const r = path ? resolve(dir, path) : undefined;
      if (r) patches.push(r);
    }
  }
  for (const p of strings('patchesStrategicMerge')) {
    // Entries are file paths or inline patches (YAML text); only paths name files.
    const r = !p.includes('\n') && /\.ya?ml$/.test(p.trim()) ? resolve(dir, p.trim()) : undefined;
    if (r) patches.push(r);
  }
  const labelSets: LabelSet[] = [];
  const common = new Map(stringEntries(getPair(root, 'commonLabels')?.value, anchors).map((e) => [e.key, e.value ?? '']));
  if (common.size) labelSets.push({ labels: common, selectors: true, templates: true });
  for (const item of asSeq(getPair(root, 'labels')?.value, anchors)?.items ?? []) {
    const m = asMap(item, anchors);
    const labels = new Map(stringEntries(getPair(m, 'pairs')?.value, anchors).map((e) => [e.key, e.value ?? '']));
    const selectors = scalarString(getPair(m, 'includeSelectors')?.value, anchors) === 'true';
    const templates = selectors || scalarString(getPair(m, 'includeTemplates')?.value, anchors) === 'true';
    if (labels.size) labelSets.push({ labels, selectors, templates });
  }
  const ns = scalarString(getPair(root, 'namespace')?.value, anchors);
  return { uri, dir, kind, namespace: ns && !ns.includes('${') ? ns : undefined, labelSets, resources, patches };
}

export function dirOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** Resolves a relative path of a kustomization against its folder; undefined for remote targets. */
export function resolve(dir: string, rel: string): string | undefined {
  const r = rel.trim();
  if (!r || /^[a-z][a-z0-9+.-]*:\/\//i.test(r) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(r) || r.includes('?ref=') || r.startsWith('/')) return undefined;
  try {
    return new URL(r, dir + '/').href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

