/**
 * A fast path for the plain block-style YAML that Kubernetes manifests are almost always written
 * in. It builds the same node classes, values and source ranges as the `yaml` package, which is
 * several times slower (its generator-based parser dominates analysis time on large workspaces).
 *
 * It is deliberately narrow: any construct it does not handle exactly like the `yaml` package
 * (anchors, aliases, tags, folded or indented block scalars, multi-line flow or plain scalars,
 * nested flow collections, full-line comments after the first node, tabs, CR line ends, duplicate
 * keys, anything erroneous) makes it give
 * up by returning `undefined`, and the caller parses the text with the `yaml` package instead.
 * An oracle test (test/unit/fastParse.test.ts) compares both parsers on every fixture and on the
 * real-manifest corpus.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';

/** Thrown internally to abandon the fast path. */
const BAIL: unique symbol = Symbol('bail');

export interface FastDocument {
  readonly contents: Node | null;
}

/** Parses one chunk (at most one `---`), or returns undefined when the text needs the full parser. */
export function fastParse(text: string): FastDocument[] | undefined {
  if (/[\t\r\uFEFF]/.test(text) || /^(%|\.\.\.)/m.test(text)) return undefined;
  try {
    return new FastParser(text).document();
  } catch {
    return undefined; // BAIL, or anything unforeseen (a stack overflow): the full parser decides
  }
}

/**
 * The fast path's nodes keep their source range in three numbers rather than an array: over a
 * large workspace the arrays were a third of the parsed nodes' memory. `range` is built on read.
 */
interface CompactRange {
  r0: number;
  r1: number;
  r2: number;
}

// Subclasses whose fields exist from construction (a stable object shape), with `range` on the prototype.
class CompactScalar extends Scalar {
  r0 = 0;
  r1 = 0;
  r2 = 0;
}

class CompactMap extends YAMLMap {
  r0 = 0;
  r1 = 0;
  r2 = 0;
}

class CompactSeq extends YAMLSeq {
  r0 = 0;
  r1 = 0;
  r2 = 0;
}

for (const C of [CompactScalar, CompactMap, CompactSeq]) {
  Object.defineProperty(C.prototype, 'range', {
    get(this: CompactRange) {
      return [this.r0, this.r1, this.r2];
    },
    configurable: true,
  });
}

function setRange(node: Node, start: number, valueEnd: number, nodeEnd: number): void {
  const c = node as unknown as CompactRange;
  c.r0 = start;
  c.r1 = valueEnd;
  c.r2 = nodeEnd;
}

const bail = (): never => {
  throw BAIL;
};

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

class FastParser {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Index of the current line. */
  private line = 0;

  constructor(private readonly text: string) {
    let s = 0;
    for (;;) {
      const nl = text.indexOf('\n', s);
      this.starts.push(s);
      this.ends.push(nl < 0 ? text.length : nl);
      if (nl < 0) break;
      s = nl + 1;
    }
  }

  document(): FastDocument[] {
    let sawMarker = false;
    this.skipBlank();
    if (this.line < this.starts.length && this.isMarker(this.line)) {
      const rest = this.text.slice(this.starts[this.line]! + 3, this.ends[this.line]);
      if (rest.trim() !== '' && !/^\s+#/.test(rest)) bail();
      sawMarker = true;
      this.line++;
      this.skipBlank();
    }
    if (this.line >= this.starts.length) return sawMarker ? bail() : [];
    // The yaml package attaches full-line comments between and after nodes in ways that move the
    // ends of collections; rather than mimic that, texts with such comments take the full parser.
    for (let l = this.line + 1; l < this.starts.length; l++) if (this.isBlank(l) && this.indentOf(l) + this.starts[l]! < this.ends[l]!) bail();
    const contents = this.block(this.indentOf(this.line));
    this.skipBlank();
    if (this.line < this.starts.length) bail(); // anything after the root node (a second `---`, bad indentation)
    return [{ contents }];
  }

  // ---- lines -------------------------------------------------------------------------------

  private isMarker(l: number): boolean {
    return this.text.startsWith('---', this.starts[l]!) && /^---(\s|$)/.test(this.text.slice(this.starts[l]!, this.ends[l]!));
  }

  private indentOf(l: number): number {
    const s = this.starts[l]!;
    let i = s;
    while (this.text.charCodeAt(i) === 32) i++;
    return i - s;
  }

  /** True for lines that hold nothing but spaces or a comment. */
  private isBlank(l: number): boolean {
    const s = this.starts[l]! + this.indentOf(l);
    return s >= this.ends[l]! || this.text.charCodeAt(s) === 35 /* # */;
  }

  private skipBlank(): void {
    while (this.line < this.starts.length && this.isBlank(this.line)) this.line++;
  }

  /** Offset just past the line break of line l (the `yaml` package's end of a block node). */
  private after(l: number): number {
    return Math.min(this.ends[l]! + 1, this.text.length);
  }

  private isSeqItemAt(l: number, indent: number): boolean {
    const s = this.starts[l]! + indent;
    return this.text.charCodeAt(s) === 45 /* - */ && (s + 1 === this.ends[l] || this.text.charCodeAt(s + 1) === 32);
  }

  // ---- blocks ------------------------------------------------------------------------------

  /** A block node whose first line is the current line, at the given indentation. */
  private block(indent: number): Node {
    if (this.isSeqItemAt(this.line, indent)) return this.sequence(indent);
    return this.mapping(indent, this.starts[this.line]! + indent);
  }

  private sequence(indent: number): YAMLSeq {
    const seq = new CompactSeq();
    const start = this.starts[this.line]! + indent;
    let end = start;
    while (this.line < this.starts.length && this.indentOf(this.line) === indent && this.isSeqItemAt(this.line, indent)) {
      const l = this.line;
      const dash = this.starts[l]! + indent;
      let c = dash + 1;
      while (c < this.ends[l]! && this.text.charCodeAt(c) === 32) c++;
      let item: Node;
      if (c >= this.ends[l]! || this.text.charCodeAt(c) === 35) {
        this.line++;
        this.skipBlank();
        if (this.line < this.starts.length && this.indentOf(this.line) > indent) item = this.block(this.indentOf(this.line));
        else {
          if (c < this.ends[l]!) bail(); // `- # comment`
          item = nullScalar(c);
        }
      } else if (this.text.charCodeAt(c) === 45 && (c + 1 === this.ends[l] || this.text.charCodeAt(c + 1) === 32)) {
        item = bail(); // `- - a`
      } else if (this.keyEnd(c, this.ends[l]!) >= 0) {
        item = this.mapping(c - this.starts[l]!, c);
      } else {
        item = this.inlineValue(c, this.ends[l]!, indent);
      }
      seq.items.push(item);
      end = (item as unknown as CompactRange).r2;
      this.skipBlank();
    }
    if (this.line < this.starts.length && this.indentOf(this.line) > indent) bail();
    setRange(seq, start, end, end);
    return seq;
  }

  /**
   * A block mapping whose keys stand at column `indent`; the first key starts at `first` (which
   * may be in the middle of a `- ` line).
   */
  private mapping(indent: number, first: number): YAMLMap {
    const map = new CompactMap();
    const seen = new Set<string>();
    let end = first;
    let keyStart = first;
    for (;;) {
      const l = this.line;
      const lineEnd = this.ends[l]!;
      const colon = this.keyEnd(keyStart, lineEnd);
      if (colon < 0) bail();
      const key = this.key(keyStart, colon);
      const id = `${typeof key.value}:${String(key.value)}`;
      if (seen.has(id)) bail();
      seen.add(id);
      let v = colon + 1;
      while (v < lineEnd && this.text.charCodeAt(v) === 32) v++;
      let value: Node;
      if (v >= lineEnd || this.text.charCodeAt(v) === 35) {
        this.line++;
        this.skipBlank();
        const next = this.line < this.starts.length ? this.indentOf(this.line) : -1;
        if (next > indent) value = this.block(next);
        else if (next === indent && this.isSeqItemAt(this.line, indent)) value = this.sequence(indent);
        else {
          if (v < lineEnd) bail(); // `key: # comment`: the yaml package's range of the empty value is irregular
          value = nullScalar(v);
        }
      } else {
        value = this.inlineValue(v, lineEnd, indent);
      }
      map.items.push(new Pair(key, value));
      end = (value as unknown as CompactRange).r2;
      this.skipBlank();
      if (this.line >= this.starts.length) break;
      const ind = this.indentOf(this.line);
      if (ind < indent) break;
      if (ind > indent || this.isSeqItemAt(this.line, indent)) bail();
      keyStart = this.starts[this.line]! + indent;
    }
    setRange(map, first, end, end);
    return map;
  }

  /** Offset of the `:` that ends a key starting at `s`, or -1 when the text there is no key. */
  private keyEnd(s: number, lineEnd: number): number {
    const t = this.text;
    const q = t.charCodeAt(s);
    if (q === 34 || q === 39) {
      const close = this.quoteEnd(s, lineEnd);
      if (close < 0) return -1;
      return t.charCodeAt(close) === 58 && (close + 1 === lineEnd || t.charCodeAt(close + 1) === 32) ? close : -1;
    }
    for (let i = s; i < lineEnd; i++) {
      const c = t.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === lineEnd || t.charCodeAt(i + 1) === 32)) return i;
      if (c === 35 /* # */ && i > s && t.charCodeAt(i - 1) === 32) return -1;
    }
    return -1;
  }

  private key(s: number, colon: number): Scalar {
    const q = this.text.charCodeAt(s);
    if (q === 34 || q === 39) {
      const close = this.quoteEnd(s, colon + 1);
      if (close !== colon) bail(); // `"a" :` and the like
      return this.quoted(s, close);
    }
    let e = colon;
    while (e > s && this.text.charCodeAt(e - 1) === 32) e--;
    if (e !== colon) bail(); // `key :`
    const raw = this.text.slice(s, e);
    if (!raw || raw.length > 1024 || INDICATOR_START.test(raw)) bail();
    const scalar = plain(raw);
    setRange(scalar, s, e, e);
    return scalar;
  }

  /** Offset just past the closing quote of a quoted scalar starting at s, or -1. */
  private quoteEnd(s: number, lineEnd: number): number {
    const t = this.text;
    const q = t.charCodeAt(s);
    for (let i = s + 1; i < lineEnd; i++) {
      const c = t.charCodeAt(i);
      if (q === 34 && c === 92 /* \ */) {
        i++;
        continue;
      }
      if (c === q) {
        if (q === 39 && t.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  private quoted(s: number, close: number): Scalar {
    const raw = this.text.slice(s + 1, close - 1);
    let value: string;
    if (this.text.charCodeAt(s) === 39) {
      value = raw.replace(/''/g, "'");
    } else {
      if (/\\[^"\\/bfnrtu]/.test(raw)) bail(); // YAML-only escapes
      try {
        value = JSON.parse(`"${raw}"`) as string;
      } catch {
        return bail();
      }
    }
    const scalar = new CompactScalar(value);
    scalar.type = this.text.charCodeAt(s) === 39 ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    scalar.source = value;
    setRange(scalar, s, close, close);
    return scalar;
  }

  /** A value written on the current line, starting at v. Consumes the line (and a literal block's lines). */
  private inlineValue(v: number, lineEnd: number, parentIndent: number): Node {
    const t = this.text;
    const l = this.line;
    const c = t.charCodeAt(v);
    let node: Node;
    let valueEnd: number;
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(v, lineEnd);
      if (close < 0) bail();
      node = this.quoted(v, close);
      valueEnd = close;
    } else if (c === 91 || c === 123) {
      node = this.flow(v, lineEnd);
      valueEnd = (node as unknown as CompactRange).r1;
    } else if (c === 124 /* | */) {
      return this.literal(v, lineEnd, parentIndent);
    } else {
      let e = lineEnd;
      const hash = t.indexOf(' #', v);
      if (hash >= 0 && hash < lineEnd) e = hash;
      while (e > v && t.charCodeAt(e - 1) === 32) e--;
      const raw = t.slice(v, e);
      if (INDICATOR_START.test(raw) && !/^-[^\s]/.test(raw) && !/^:[^\s]/.test(raw)) bail();
      if (raw.includes(': ') || raw.endsWith(':') || raw.includes(' #')) bail();
      node = plain(raw);
      valueEnd = e;
    }
    const rest = t.slice(valueEnd, lineEnd);
    if (rest.trim() !== '' && !/^\s+#/.test(rest)) bail();
    this.line = l + 1;
    // A more indented line after a scalar would continue it (a multi-line scalar): not for us.
    const save = this.line;
    this.skipBlank();
    if (this.line < this.starts.length && this.indentOf(this.line) > parentIndent) bail();
    this.line = save;
    setRange(node, v, valueEnd, this.after(l));
    return node;
  }

  /** `[a, b]` or `{a: b}` of plain or quoted scalars, on one line. */
  private flow(s: number, lineEnd: number): Node {
    const t = this.text;
    const isMap = t.charCodeAt(s) === 123;
    const closeChar = isMap ? '}' : ']';
    const coll = isMap ? new CompactMap() : new CompactSeq();
    coll.flow = true;
    let i = s + 1;
    const skip = () => {
      while (i < lineEnd && t.charCodeAt(i) === 32) i++;
    };
    skip();
    if (t[i] === closeChar) {
      setRange(coll, s, i + 1, i + 1);
      return coll;
    }
    const item = (stops: string): Scalar => {
      skip();
      const q = t.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = this.quoteEnd(i, lineEnd);
        if (close < 0) bail();
        const sc = this.quoted(i, close);
        i = close;
        return sc;
      }
      const start = i;
      while (i < lineEnd && !stops.includes(t[i]!)) i++;
      let e = i;
      while (e > start && t.charCodeAt(e - 1) === 32) e--;
      const raw = t.slice(start, e);
      if (!raw || INDICATOR_START.test(raw) || /[#[\]{}]|: /.test(raw)) bail();
      const sc = plain(raw);
      setRange(sc, start, e, e);
      return sc;
    };
    for (;;) {
      if (isMap) {
        const k = item(':,}');
        if (t[i] !== ':' || t.charCodeAt(i + 1) !== 32) bail();
        i++;
        const v = item(',}');
        (coll as YAMLMap).items.push(new Pair(k, v));
      } else {
        (coll as YAMLSeq).items.push(item(',]'));
      }
      skip();
      if (t[i] === ',') {
        i++;
        skip();
        if (t[i] === closeChar) bail(); // trailing comma: leave it to the full parser
        continue;
      }
      if (t[i] === closeChar) break;
      bail();
    }
    setRange(coll, s, i + 1, i + 1);
    return coll;
  }

  /** `|` or `|-` literal block scalar. */
  private literal(v: number, lineEnd: number, parentIndent: number): Scalar {
    const t = this.text;
    const header = t.slice(v + 1, lineEnd);
    const m = /^(-?)(\s+#.*)?\s*$/.exec(header);
    if (!m) bail();
    const strip = m![1] === '-';
    const first = this.line + 1;
    let l = first;
    let contentIndent = -1;
    let lastContent = -1;
    for (; l < this.starts.length; l++) {
      const lineLen = this.ends[l]! - this.starts[l]!;
      const ind = this.indentOf(l);
      const empty = ind === lineLen;
      if (empty) {
        if (contentIndent < 0 && lineLen > parentIndent + 1) bail(); // leading spaces-only lines: tricky
        continue;
      }
      if (contentIndent < 0) {
        if (ind <= parentIndent) break;
        contentIndent = ind;
      } else if (ind < contentIndent) break;
      lastContent = l;
    }
    if (lastContent < 0) bail(); // empty literal: leave it to the full parser
    const lines: string[] = [];
    for (let k = first; k <= lastContent; k++) lines.push(t.slice(Math.min(this.starts[k]! + contentIndent, this.ends[k]!), this.ends[k]!));
    const value = lines.join('\n') + (strip ? '' : '\n');
    const scalar = new CompactScalar(value);
    scalar.type = 'BLOCK_LITERAL';
    scalar.source = value;
    const end = this.after(lastContent);
    setRange(scalar, v, end, end);
    this.line = lastContent + 1;
    return scalar;
  }
}

function nullScalar(at: number): Scalar {
  const s = new CompactScalar(null);
  s.type = 'PLAIN';
  s.source = '';
  setRange(s, at, at, at);
  return s;
}

/** A plain scalar resolved with the YAML 1.2 core schema, as the `yaml` package does. */
function plain(raw: string): Scalar {
  const s = new CompactScalar(resolvePlain(raw));
  s.type = 'PLAIN';
  s.source = raw;
  return s;
}

function resolvePlain(raw: string): unknown {
  switch (raw) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = raw.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return raw;
  if (/^[-+]?[0-9]+$/.test(raw)) return parseInt(raw, 10);
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw)) return parseFloat(raw);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(raw)) return NaN;
  return raw;
}
