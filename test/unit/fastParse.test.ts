/**
 * Oracle test of the fast YAML path: wherever it accepts a text, it must produce exactly what the
 * `yaml` package produces (structure, keys, values, scalar styles, source ranges).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { fastParse } from '../../server/src/analysis/yaml/fastParse';
import { splitDocuments } from '../../server/src/analysis/yaml/splitDocuments';

type Shape = unknown;

function shape(n: unknown): Shape {
  if (isMap(n)) return { map: n.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'x')), range: n.range?.slice(0, 2), flow: !!n.flow };
  if (isSeq(n)) return { seq: n.items.map(shape), range: n.range?.slice(0, 2), flow: !!n.flow };
  if (isScalar(n)) return { value: typeof n.value === 'number' && Number.isNaN(n.value) ? 'NaN' : n.value, type: n.type, range: n.range?.slice(0, 2) };
  return n ?? null;
}

/** Compares both parsers on one chunk; returns whether the fast path took it. */
function compare(text: string, where: string): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  const full = parseAllDocuments(text);
  assert.equal(full.reduce((n, d) => n + d.errors.length, 0), 0, `${where}: the fast path accepted a text with YAML errors`);
  assert.deepEqual(fast.map((d) => shape(d.contents)), Array.from(full).map((d) => shape(d.contents)), where);
  return true;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

const ROOT = path.join(__dirname, '..', '..');

test('the fast path agrees with the yaml package on every fixture and example', () => {
  let taken = 0;
  let all = 0;
  for (const file of [...yamlFiles(path.join(ROOT, 'test', 'fixtures')), ...yamlFiles(path.join(ROOT, 'examples'))]) {
    for (const c of splitDocuments(readFileSync(file, 'utf8'))) {
      all++;
      if (compare(c.text, `${path.relative(ROOT, file)}@${c.base}`)) taken++;
    }
  }
  assert.ok(taken > all / 2, `the fast path took only ${taken} of ${all} chunks`);
});

const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

test('the fast path agrees with the yaml package on the real-manifest corpus', { skip: !existsSync(CORPUS) && 'no ../shared/corpus here' }, () => {
  let taken = 0;
  let all = 0;
  for (const file of yamlFiles(CORPUS)) {
    const text = readFileSync(file, 'utf8');
    for (const c of splitDocuments(text)) {
      all++;
      if (compare(c.text, `${path.relative(CORPUS, file)}@${c.base}`)) taken++;
    }
  }
  assert.ok(taken > all / 2, `the fast path took only ${taken} of ${all} chunks`);
});

test('the fast path agrees with the yaml package on generated manifests', () => {
  const key = fc.stringMatching(/^[a-z][a-z0-9.\/-]{0,12}$/);
  const scalar = fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 ._:\/=-]{0,15}$/),
    fc.constantFrom('true', 'false', 'null', '~', '15', '-3', '0x1F', '0o17', '1.5', '1e3', '.inf', 'yes', 'on', '"quoted"', "'it''s'", '"a\\nb"', '[]', '{}', '[a, b]', '{a: b}', '"x" # c', 'v # comment', '|\n  line one\n  line two', '|-\n  kept\n\n  more'),
  );
  const node: fc.Memo<string> = fc.memo((depth) =>
    depth <= 1
      ? scalar
      : fc.oneof(
          scalar,
          fc.array(fc.tuple(key, node(depth - 1)), { minLength: 1, maxLength: 4 }).map((entries) => '\0MAP' + JSON.stringify(entries)),
          fc.array(node(depth - 1), { minLength: 1, maxLength: 3 }).map((items) => '\0SEQ' + JSON.stringify(items)),
        ),
  );
  const render = (n: string, indent: number): string => {
    if (!n.startsWith('\0')) return n.startsWith('|') ? n.replace(/\n {2}/g, '\n' + ' '.repeat(indent + 2)) : n;
    const pad = ' '.repeat(indent);
    if (n.startsWith('\0MAP')) {
      const entries = JSON.parse(n.slice(4)) as [string, string][];
      return entries.map(([k, v]) => (v.startsWith('\0') ? `${pad}${k}:\n${render(v, indent + 2)}` : `${pad}${k}: ${render(v, indent)}`)).join('\n');
    }
    const items = JSON.parse(n.slice(4)) as string[];
    return items.map((v) => (v.startsWith('\0') ? `${pad}-\n${render(v, indent + 2)}` : `${pad}- ${render(v, indent + 2)}`)).join('\n');
  };
  const doc = fc.array(fc.tuple(key, node(4)), { minLength: 1, maxLength: 5 }).map((entries) => render('\0MAP' + JSON.stringify(entries), 0) + '\n');
  fc.assert(fc.property(doc, (text) => {
    compare(text, JSON.stringify(text));
  }), { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 4242) });
});
