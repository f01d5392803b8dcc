/**
 * Property tests (fast-check) over the core and the rules: every fixture under test/fixtures/**,
 * mutated (truncations, insertions, deletions, indentation, quoting and line-ending changes),
 * goes through every LanguageService entry point at random offsets. Properties: nothing throws
 * (not even inside a guard: the logger must stay silent), every span lies inside its file with
 * start <= end, a diagnostic stays on one line, and results are deterministic (a fresh service
 * and an incrementally updated one give the same answers).
 *
 * Seed and size: FC_SEED (default 4242) and FC_RUNS (runs per fixture; default scales with the
 * number of fixtures so the file stays well under 30 s).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LanguageService, LineIndex, Settings, Span } from '../../../server/src/analysis';
import { lineStartsOf } from '../../../server/src/analysis/text/lineIndex';
import { splitDocuments } from '../../../server/src/analysis/yaml/splitDocuments';
import { resplit } from '../../../server/src/analysis/workspace/resplit';
import { parseFixture } from '../../helpers/fixture';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
const files = walk(FIXTURES).filter((f) => /\.ya?ml$/.test(f)).sort();
const SEED = Number(process.env.FC_SEED ?? 4242);
const RUNS = Number(process.env.FC_RUNS ?? Math.max(4, Math.min(60, Math.floor(2400 / Math.max(1, files.length)))));
/** A safety net so a growing fixture set cannot make this file slow: runs stop (and pass) after it. */
const BUDGET_MS = Math.floor(15_000 / Math.max(1, files.length));

// ---- mutations ---------------------------------------------------------------------------------

type Mutation = (text: string) => string;
const at = (text: string, n: number) => (text.length ? n % (text.length + 1) : 0);
const lineStarts = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index as number) + 1)];

const SNIPPETS = [':', ': ', '- ', '-', ' ', '  ', '\n', '\r\n', '\r', '\t', '"', "'", '[', ']', '{', '}', ',', '#', '&a ', '*a', '<<: *a', '!', '!!binary ', '!foo ',
  '|', '|-', '>', '---\n', '...\n', '? ', '%YAML 1.2\n', '😀', '\u{1F600}x', '\uD800', '\u0000', '\uFEFF', 'yes', 'on', '15', '0x1F', 'true', 'null', '~', '{{ .Values.x }}', '${VAR}',
  'apiVersion: v1\n', 'kind: Service\n', 'metadata:\n  name: x\n', 'annotations:\n', '  alb.ingress.kubernetes.io/scheme: ', 'matchLabels:\n', '# eksnet-disable-next-line\n'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (t) => t.slice(0, at(t, n))), // truncate
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }))).map(([n, s]): Mutation => (t) => t.slice(0, at(t, n)) + s + t.slice(at(t, n))), // insert
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([n, len]): Mutation => (t) => t.slice(0, at(t, n)) + t.slice(at(t, n) + len)), // delete
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 }), fc.boolean()).map(([n, d, tab]): Mutation => (t) => { // indentation
    const starts = lineStarts(t);
    const s = starts[n % starts.length] as number;
    if (d >= 0) return t.slice(0, s) + (tab ? '\t' : ' '.repeat(d)) + t.slice(s);
    let e = s;
    while (e < t.length && e - s < -d && t[e] === ' ') e++;
    return t.slice(0, s) + t.slice(e);
  }),
  fc.tuple(fc.nat(), fc.constantFrom('"', "'", '')).map(([n, q]): Mutation => (t) => { // quoting: (un)quote the value of a `key: value` line
    const lines = t.split('\n');
    const i = n % lines.length;
    const m = /^(\s*(?:- )?[^:#]+:\s+)(["']?)([^"'#]*?)\2(\s*(#.*)?)$/.exec(lines[i] as string);
    if (m) lines[i] = `${m[1]}${q}${m[3]}${q}${m[4]}`;
    return lines.join('\n');
  }),
  fc.constantFrom<Mutation>((t) => t.replace(/\n/g, '\r\n'), (t) => t.replace(/\n/g, '\r'), (t) => t.replace(/\n/g, (_m, o: number) => (o % 3 === 0 ? '\r\n' : '\n')), (t) => '\uFEFF' + t),
  fc.nat().map((n): Mutation => (t) => { // duplicate a line (duplicate keys)
    const lines = t.split('\n');
    const i = n % lines.length;
    lines.splice(i, 0, lines[i] as string);
    return lines.join('\n');
  }),
);

// ---- checks ------------------------------------------------------------------------------------

interface Workspace {
  readonly files: readonly { readonly uri: string; readonly text: string }[];
  readonly settings: Settings;
}

function inside(texts: ReadonlyMap<string, string>, uri: string, span: Span, what: string): void {
  const text = texts.get(uri);
  if (text === undefined) return; // a location in a file the fixture does not hold
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer span ${JSON.stringify(span)}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: span ${JSON.stringify(span)} outside [0, ${text.length}] of ${uri}`);
}

/** Everything the service answers for one file, with spans checked; returned for the determinism check. */
function exercise(ws: Workspace, target: string, offsets: readonly number[], service?: LanguageService): unknown {
  const logs: string[] = [];
  const s = service ?? new LanguageService((m) => logs.push(m), ws.settings.maxFileSize);
  if (!service) for (const f of ws.files) s.setFile(f.uri, f.text);
  const texts = new Map(ws.files.map((f) => [f.uri, f.text]));
  const text = texts.get(target) as string;
  const lines = new LineIndex(text);
  const findings = s.validate(target, ws.settings);
  for (const f of findings) {
    inside(texts, target, f.span, `finding ${f.ruleId}`);
    const a = lines.positionAt(f.span.start);
    const b = lines.positionAt(f.span.end);
    assert.equal(b.line, a.line, `finding ${f.ruleId} "${f.message}" spans lines ${a.line}-${b.line}`);
    for (const r of f.related ?? []) inside(texts, r.uri, r.span, `related of ${f.ruleId}`);
    assert.doesNotThrow(() => JSON.stringify(f.data), 'finding data is JSON-serialisable');
  }
  const fixes = findings.map((f) => s.fixes(target, JSON.parse(JSON.stringify(f.data ?? null))));
  for (const list of fixes) for (const fx of list) for (const e of fx.edits) for (const t of e.edits) inside(texts, e.uri, t.span, `fix "${fx.title}"`);
  const perOffset = offsets.map((o) => {
    const hover = s.hover(target, o);
    if (hover) inside(texts, target, hover.span, 'hover');
    const completion = s.complete(target, o);
    for (const c of completion) inside(texts, target, c.replace, `completion ${c.label}`);
    const definition = s.definition(target, o);
    const references = s.references(target, o);
    for (const l of [...definition, ...references]) inside(texts, l.uri, l.span, 'definition/reference');
    return { hover, completion, definition, references };
  });
  const lenses = s.codeLenses(target);
  for (const l of lenses) {
    inside(texts, target, l.span, `lens ${l.title}`);
    for (const t of l.targets ?? []) inside(texts, t.uri, t.span, 'lens target');
  }
  const symbols = s.symbols(target);
  for (const sym of symbols) {
    inside(texts, target, sym.span, 'symbol');
    inside(texts, target, sym.selection, 'symbol selection');
  }
  assert.deepEqual(logs, [], 'a rule or provider threw (its guard logged it)');
  return JSON.parse(JSON.stringify({ findings, fixes, perOffset, lenses, symbols }));
}

const mutated = (ws: Workspace, which: number, muts: readonly Mutation[]): { ws: Workspace; target: string } => {
  const i = which % ws.files.length;
  const files = ws.files.map((f, j) => (j === i ? { uri: f.uri, text: muts.reduce((t, m) => m(t), f.text) } : f));
  return { ws: { files, settings: ws.settings }, target: (files[i] as { uri: string }).uri };
};

describe('properties over every fixture (fast-check)', () => {
  assert.ok(files.length > 0, 'no fixtures found');
  for (const full of files) {
    const name = path.relative(FIXTURES, full);
    test(name, () => {
      const fixture = parseFixture(readFileSync(full, 'utf8'), path.basename(full));
      const ws: Workspace = { files: fixture.files.map((f) => ({ uri: f.uri, text: f.text })), settings: fixture.settings };
      fc.assert(
        fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: -5, max: 100_000 }), { minLength: 1, maxLength: 4 }), (which, muts, rawOffsets) => {
          const { ws: m, target } = mutated(ws, which, muts);
          const len = (m.files.find((f) => f.uri === target) as { text: string }).text.length;
          const offsets = rawOffsets.map((o) => (o < 0 || o > 50_000 ? o : o % (len + 1)));
          const first = exercise(m, target, offsets);
          // Deterministic: the same input again, in a fresh service.
          assert.deepEqual(exercise(m, target, offsets), first, 'a second run gave different results');
          // Incremental: the unmutated workspace first, then the mutated file (chunks are reused).
          const logs: string[] = [];
          const inc = new LanguageService((x) => logs.push(x), ws.settings.maxFileSize);
          for (const f of ws.files) inc.setFile(f.uri, f.text);
          for (const f of ws.files) inc.validate(f.uri, ws.settings);
          for (const f of m.files) inc.setFile(f.uri, f.text);
          assert.deepEqual(exercise(m, target, offsets, inc), first, 'an incremental update gave different results than a fresh analysis');
          assert.deepEqual(logs, []);
        }),
        { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: BUDGET_MS, verbose: 1 },
      );
    });
  }
});

test('LineIndex: offsetAt(positionAt(o)) = o, except between \\r and \\n', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '😀', '\t'), { maxLength: 60 }).map((a) => a.join('')), fc.nat(), (text, n) => {
      const lines = new LineIndex(text);
      const o = n % (text.length + 1);
      const p = lines.positionAt(o);
      const back = lines.offsetAt(p);
      if (text[o - 1] === '\r' && text[o] === '\n') assert.equal(back, o - 1);
      else assert.equal(back, o);
      assert.ok(p.line < lines.lineCount);
    }),
    { seed: SEED, numRuns: 500 },
  );
});

test('resplit: an edit re-split from the previous chunks gives the chunks of a fresh split', () => {
  const piece = fc.constantFrom('a: 1\n', '---\n', '--- x\n', '---', '-', '\n', '\r', '\r\n', '\u2028', '%YAML 1.2\n', '  ---\n', 'b', '...\n', '|\n  ---\n', '--- \n', '---\t');
  const text = fc.array(piece, { maxLength: 14 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), fc.array(piece, { maxLength: 3 }).map((a) => a.join('')), (before, x, y, inserted) => {
      const a = before.length ? x % (before.length + 1) : 0;
      const b = a + (before.length - a ? y % (before.length - a + 1) : 0);
      const after = before.slice(0, a) + inserted + before.slice(b);
      const old = splitDocuments(before);
      const expected = splitDocuments(after).map((c) => ({ base: c.base, text: c.text }));
      // Without and with the editor's account of the change.
      for (const pieces of [resplit(before, old, after), resplit(before, old, after, { start: a, oldEnd: b, newEnd: a + inserted.length })]) {
        if (pieces === undefined) continue; // directives: the caller splits from scratch
        assert.deepEqual(pieces.map((p) => ({ base: p.base, text: p.text })), expected);
        for (const p of pieces) if (p.reused) assert.equal(p.reused.text, p.text);
      }
    }),
    { seed: SEED, numRuns: 3000 },
  );
});

test('resplit: edits of a large file (compared block by block) reuse the untouched chunks', () => {
  const doc = (i: number) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: "${'x'.repeat(i % 300)}"\n`;
  const before = Array.from({ length: 400 }, (_, i) => doc(i)).join('');
  const edits = fc.tuple(fc.nat(before.length), fc.nat(200), fc.constantFrom('', 'y', '\n', '---\n', '\n---\n', '-', 'a: b\n'));
  fc.assert(
    fc.property(edits, ([a, len, inserted]) => {
      const after = before.slice(0, a) + inserted + before.slice(Math.min(before.length, a + len));
      const old = splitDocuments(before);
      const pieces = resplit(before, old, after);
      assert.ok(pieces);
      assert.deepEqual(pieces.map((p) => ({ base: p.base, text: p.text })), splitDocuments(after).map((c) => ({ base: c.base, text: c.text })));
      assert.ok(pieces.filter((p) => !p.reused).length <= 4, 'only the chunks around the edit are new');
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('LineIndex over document chunks answers like the index of the whole text', () => {
  const piece = fc.constantFrom('a: 1\n', '---\n', '--- x\n', '\r\n', '\r', '\n', 'b', '😀', '\u2028', '---\r\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }).map((a) => a.join('')), (text) => {
      const flat = new LineIndex(text);
      const chunked = LineIndex.ofChunks(text, splitDocuments(text).map((c) => ({ base: c.base, lineStarts: Int32Array.from(lineStartsOf(c.text)) })));
      assert.equal(chunked.lineCount, flat.lineCount);
      for (let o = 0; o <= text.length; o++) assert.deepEqual(chunked.positionAt(o), flat.positionAt(o));
      for (let l = 0; l < flat.lineCount; l++) {
        assert.equal(chunked.lineStart(l), flat.lineStart(l));
        assert.equal(chunked.lineEnd(l), flat.lineEnd(l));
        assert.equal(chunked.offsetAt({ line: l, character: 2 }), flat.offsetAt({ line: l, character: 2 }));
      }
    }),
    { seed: SEED, numRuns: 1000 },
  );
});

test('splitDocuments: chunks concatenate to the text, at their bases', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a: 1\n', '---\n', '--- x\n', '---', '\r\n', '%YAML 1.2\n', '  ---\n', '...\n', '|\n  ---\n'), { maxLength: 12 }).map((a) => a.join('')), (text) => {
      const chunks = splitDocuments(text);
      assert.equal(chunks.map((c) => c.text).join(''), text);
      for (const c of chunks) assert.equal(text.slice(c.base, c.base + c.text.length), c.text);
    }),
    { seed: SEED, numRuns: 300 },
  );
});
