/**
 * One file of the workspace as the core sees it: its text, its chunks (parsed documents, reused
 * from the previous version when an edit did not touch them) and the Kubernetes objects in it.
 *
 * A chunk reused by a new version of the file keeps its `ChunkSlot`, and so its `KObject`s: an
 * object is the same value for as long as its text is unchanged, and its `file` and `base` always
 * say where it stands now. Results cached on an object (related locations, targets in derived
 * lookups) therefore never point at a stale offset after an edit elsewhere in the file.
 */
import type { Span } from '../model/types';
import type { KubeObjectModel } from '../kube/object';
import { LineIndex, lineStartsOf } from '../text/lineIndex';
import { parseChunk, ParsedChunk } from '../yaml/parseChunk';
import { splitDocuments } from '../yaml/splitDocuments';
import { resplit, TextChange } from './resplit';

/** What every suppression comment contains. */
export const SUPPRESSION_MARK = 'eksnet-disable';

/** Why a file is not analysed at all. */
export type SkipReason = 'too-large' | 'binary' | 'template';

/** A parsed chunk placed in a file. */
export class ChunkSlot {
  readonly objects: readonly KObject[];
  private starts: Int32Array | undefined;
  private suppression: boolean | undefined;

  constructor(
    readonly parsed: ParsedChunk,
    public base: number,
    public file: FileModel,
  ) {
    this.objects = parsed.objects.map((model, ordinal) => new KObject(this, ordinal, model));
  }

  get text(): string {
    return this.parsed.text;
  }

  /** Whether the chunk's text has a suppression comment (computed once per chunk). */
  get mentionsSuppression(): boolean {
    return (this.suppression ??= this.parsed.text.includes(SUPPRESSION_MARK));
  }

  /** Where lines start inside the chunk (relative offsets after 0), computed once per chunk. */
  get lineStarts(): Int32Array {
    return (this.starts ??= Int32Array.from(lineStartsOf(this.parsed.text)));
  }
}

/** A Kubernetes object placed in its file: `base` turns the model's relative spans into offsets. */
export class KObject {
  /** The analysis engine's results for this object (engine/analyze.ts), kept while its text is. */
  engineCache: unknown;
  /** Values derived from this object (WorkspaceIndex.perObject), kept while its text is. */
  memo: Map<string, unknown> | undefined;
  /** WorkspaceIndex.namespaceOf's last answer for this object. */
  namespaceMemo: { readonly cluster: number; readonly files: number; readonly namespace: string | undefined } | undefined;

  constructor(
    private readonly slot: ChunkSlot,
    /** Position of the object among its chunk's objects (stable while the chunk text is). */
    readonly ordinal: number,
    readonly model: KubeObjectModel,
  ) {}

  get file(): FileModel {
    return this.slot.file;
  }

  get base(): number {
    return this.slot.base;
  }

  get chunk(): ParsedChunk {
    return this.slot.parsed;
  }
}

export class FileModel {
  readonly chunks: readonly ChunkSlot[];
  readonly objects: readonly KObject[];
  readonly skip: SkipReason | undefined;
  /** Slots this version created (the others come from the previous version, unchanged). */
  readonly created: readonly ChunkSlot[];
  /**
   * Slots of the previous version this one no longer has (undefined: compare the two versions),
   * until `takeDropped` hands them over: they point at the previous version (and its text), which
   * must not stay reachable from this one.
   */
  private dropped: readonly ChunkSlot[] | undefined;
  private readonly hasBraces: boolean;
  private lines: LineIndex | undefined;
  /** Objects by kind, filled on demand (and carried over from the previous version where unchanged). */
  private readonly kinds = new Map<string, readonly KObject[]>();

  constructor(
    readonly uri: string,
    readonly text: string,
    maxSize: number,
    previous: FileModel | undefined,
    /** Where `text` differs from the previous version's, when known. */
    change?: TextChange,
  ) {
    const created: ChunkSlot[] = [];
    const slot = (parsed: ParsedChunk, base: number) => {
      const s = new ChunkSlot(parsed, base, this);
      created.push(s);
      return s;
    };
    let skip: SkipReason | undefined;
    let chunks: ChunkSlot[] | undefined;
    let dropped: ChunkSlot[] | undefined;
    const pieces = previous && canBuildOn(previous, text, maxSize) ? resplit(previous.text, previous.chunks, text, change) : undefined;
    if (pieces && pieces.every((p) => p.reused || isPlainText(p.text))) {
      this.hasBraces = false;
      chunks = pieces.map((p) => {
        if (!p.reused) return slot(parseChunk(detached(p.text)), p.base);
        p.reused.base = p.base;
        p.reused.file = this;
        return p.reused;
      });
      // Reused chunks are a prefix and a suffix of the previous ones: the others in between are gone.
      let head = 0;
      while (head < pieces.length && pieces[head]!.reused === previous!.chunks[head]) head++;
      let tail = 0;
      const n = previous!.chunks.length;
      while (tail < pieces.length - head && tail < n - head && pieces[pieces.length - 1 - tail]!.reused === previous!.chunks[n - 1 - tail]) tail++;
      dropped = previous!.chunks.slice(head, n - tail);
      // A kind the edit did not touch has the same objects, in the same order, as before.
      const touched = new Set<string>();
      for (const c of [...dropped, ...created]) for (const o of c.objects) touched.add(o.model.kind);
      for (const [kind, list] of previous!.kinds) if (!touched.has(kind)) this.kinds.set(kind, list);
    } else {
      this.hasBraces = text.includes('{{');
      skip = skipReasonOf(text, maxSize);
      if (!skip) {
        const reuse = new Map<string, ChunkSlot>();
        for (const c of previous?.chunks ?? []) reuse.set(c.text, c);
        chunks = splitDocuments(text).map((c) => {
          const old = reuse.get(c.text);
          if (!old) return slot(parseChunk(previous ? detached(c.text) : c.text), c.base);
          reuse.delete(c.text); // a second copy of the same text gets its own slot
          old.base = c.base;
          old.file = this;
          return old;
        });
        // `{{ … }}` placeholders that break the YAML (`zone: {{region}}a`, awk or sed templates): the
        // file is a template, not a manifest yet; like a Helm template, it gets no findings.
        if (this.hasBraces && chunks.some((c) => c.parsed.errors.length > 0)) skip = 'template';
      }
    }
    this.skip = skip;
    this.chunks = skip || !chunks ? [] : chunks;
    this.created = skip ? [] : created;
    this.dropped = skip ? undefined : dropped;
    const objects: KObject[] = [];
    for (const c of this.chunks) for (const o of c.objects) objects.push(o);
    this.objects = objects;
  }

  get lineIndex(): LineIndex {
    return (this.lines ??= this.chunks.length ? LineIndex.ofChunks(this.text, this.chunks) : new LineIndex(this.text));
  }

  /** The file's objects of one kind, in order. */
  objectsOfKind(kind: string): readonly KObject[] {
    let list = this.kinds.get(kind);
    if (!list) this.kinds.set(kind, (list = this.objects.filter((o) => o.model.kind === kind)));
    return list;
  }

  /** True when the file holds Kubernetes manifests (so YAML syntax problems are ours to report). */
  get looksLikeKubernetes(): boolean {
    return this.objects.length > 0 || /^[^\S\r\n\u2028\u2029]*(apiVersion|kind)\s*:/m.test(this.text);
  }

  /** The object whose text contains the offset. */
  objectAt(offset: number): KObject | undefined {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]!.base <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset at a chunk's very start may also be the end of the previous chunk's last object.
    for (const c of [this.chunks[lo - 1], this.chunks[lo]]) {
      for (const o of c?.objects ?? []) {
        if (o.base + o.model.span.start <= offset && offset <= o.base + o.model.span.end) return o;
      }
    }
    return undefined;
  }

  /** The slots the previous version had and this one has not, once (see `dropped`). */
  takeDropped(): readonly ChunkSlot[] | undefined {
    const d = this.dropped;
    this.dropped = undefined;
    return d;
  }

  /** Whether some `eksnet-disable` comment may apply (see engine/suppressions). */
  get mentionsSuppression(): boolean {
    return this.chunks.length ? this.chunks.some((c) => c.mentionsSuppression) : this.text.includes(SUPPRESSION_MARK);
  }

  /** Whether the previous version's text had no `{{` (so an edit without one cannot make it a template). */
  get braceFree(): boolean {
    return !this.hasBraces;
  }
}

/**
 * A copy of a chunk's text that does not keep the whole file text alive. Strings sliced from a text
 * point into it, so a chunk parsed from a slice (its text, and the names and values in its nodes)
 * would keep that version of the file in memory for as long as the chunk is reused: a megabyte per
 * keystroke in a large file. Concatenating then slicing makes V8 copy the characters.
 */
function detached(text: string): string {
  return (text + ' ').slice(0, -1);
}

/** A new version can reuse the previous one's chunks when neither is skipped for its size or content. */
function canBuildOn(previous: FileModel, text: string, maxSize: number): boolean {
  return !previous.skip && previous.braceFree && previous.chunks.length > 0 && text.length <= maxSize;
}

/** New text that cannot change whether the file is skipped: no NUL, no template braces. */
function isPlainText(text: string): boolean {
  return !text.includes('\u0000') && !text.includes('{{');
}

export function absolute(obj: KObject, span: Span): Span {
  return { start: obj.base + span.start, end: obj.base + span.end };
}

/** Decides whether a text is analysed at all. */
export function skipReasonOf(text: string, maxSize: number): SkipReason | undefined {
  if (text.length > maxSize) return 'too-large';
  if (text.includes('\u0000')) return 'binary';
  if (isGoTemplate(text)) return 'template';
  return undefined;
}

/** Helm chart templates and other Go-templated YAML are not manifests yet: we stay silent. */
function isGoTemplate(text: string): boolean {
  if (!text.includes('{{')) return false;
  return /\{\{-?\s*(\.|\$|-|include\b|template\b|if\b|else\b|end\b|range\b|with\b|define\b|toYaml\b|tpl\b|required\b|default\b|quote\b|printf\b|\/\*)/.test(text)
    || /^[^\S\r\n\u2028\u2029]*\{\{/m.test(text); // not ^\s*: quadratic over blank lines
}
