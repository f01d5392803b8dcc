/**
 * One file of the workspace as the core sees it: its text, its chunks (parsed documents, reused
 * from the previous version when their text did not change) and the Kubernetes objects in it.
 */
import type { Span } from '../model/types';
import type { KubeObjectModel } from '../kube/object';
import { LineIndex } from '../text/lineIndex';
import { parseChunk, ParsedChunk } from '../yaml/parseChunk';
import { splitDocuments } from '../yaml/splitDocuments';

/** Why a file is not analysed at all. */
export type SkipReason = 'too-large' | 'binary' | 'template';

export interface PlacedChunk {
  readonly base: number;
  readonly parsed: ParsedChunk;
}

/** A Kubernetes object placed in its file: `base` turns the model's relative spans into offsets. */
export interface KObject {
  readonly file: FileModel;
  readonly base: number;
  readonly chunk: ParsedChunk;
  /** Position of the object among its chunk's objects (stable while the chunk text is). */
  readonly ordinal: number;
  readonly model: KubeObjectModel;
}

export class FileModel {
  readonly chunks: readonly PlacedChunk[];
  readonly objects: readonly KObject[];
  readonly skip: SkipReason | undefined;
  private lines: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly text: string,
    skip: SkipReason | undefined,
    previous: FileModel | undefined,
  ) {
    const reuse = new Map<string, ParsedChunk>();
    for (const c of previous?.chunks ?? []) reuse.set(c.parsed.text, c.parsed);
    const chunks = skip ? [] : splitDocuments(text).map((c) => ({ base: c.base, parsed: reuse.get(c.text) ?? parseChunk(c.text) }));
    // `{{ … }}` placeholders that break the YAML (`zone: {{region}}a`, awk or sed templates): the
    // file is a template, not a manifest yet; like a Helm template, it gets no findings.
    if (!skip && text.includes('{{') && chunks.some((c) => c.parsed.errors.length > 0)) skip = 'template';
    this.skip = skip;
    if (skip) {
      this.chunks = [];
      this.objects = [];
      return;
    }
    this.chunks = chunks;
    const objects: KObject[] = [];
    for (const c of this.chunks) {
      c.parsed.objects.forEach((model, ordinal) => objects.push({ file: this, base: c.base, chunk: c.parsed, ordinal, model }));
    }
    this.objects = objects;
  }

  get lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }

  /** True when the file holds Kubernetes manifests (so YAML syntax problems are ours to report). */
  get looksLikeKubernetes(): boolean {
    return this.objects.length > 0 || /^[^\S\r\n\u2028\u2029]*(apiVersion|kind)\s*:/m.test(this.text);
  }

  /** The object whose text contains the offset. */
  objectAt(offset: number): KObject | undefined {
    for (const o of this.objects) {
      if (o.base + o.model.span.start <= offset && offset <= o.base + o.model.span.end) return o;
    }
    return undefined;
  }
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
