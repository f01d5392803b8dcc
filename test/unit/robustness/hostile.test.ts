/**
 * Hostile inputs, one named test each, with time and memory bounds measured in-test. The bounds
 * are safety limits (generous, for a loaded CI machine), not benchmarks. CLI cases spawn
 * dist/cli.js (run after `npm run build`, as npm test does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Finding, LanguageService } from '../../../server/src/analysis';
import { decode } from '../../../server/src/node/readText';

const URI = 'file:///hostile.yaml';
const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

interface Measured {
  readonly findings: Finding[];
  readonly ms: number;
  readonly heapMb: number;
  readonly logs: string[];
  readonly service: LanguageService;
}

/** Loads, validates and asks every feature at a few offsets; measures time and heap growth. */
function analyse(text: string, maxFileSize?: number): Measured {
  const logs: string[] = [];
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const service = new LanguageService((m) => logs.push(m), maxFileSize);
  service.setFile(URI, text);
  const findings = service.validate(URI);
  for (const o of [0, 1, Math.floor(text.length / 2), text.length - 1, text.length]) {
    service.hover(URI, o);
    service.complete(URI, o);
    service.definition(URI, o);
    service.references(URI, o);
  }
  service.codeLenses(URI);
  service.symbols(URI);
  for (const f of findings) service.fixes(URI, f.data);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { findings, ms, heapMb: (process.memoryUsage().heapUsed - heap0) / 1e6, logs, service };
}

const rules = (m: Measured) => m.findings.map((f) => f.ruleId);
const pos = (m: Measured, f: Finding) => m.service.index.get(URI)!.lineIndex.positionAt(f.span.start);
const k8s = (annotations: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n${annotations}`;

function cli(files: Record<string, Buffer | string>): { status: number | null; json: { findings: { file: string; line: number; column: number; rule: string; severity: string }[] }; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'eksnet-hostile-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    const r = spawnSync(process.execPath, [CLI, 'lint', '--no-config', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, json: JSON.parse(r.stdout || '{"findings":[]}'), stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('alias bomb ("billion laughs"): bounded time and memory, aliases never expanded', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  const merges = Array.from({ length: 9 }, (_, i) => `m${i + 1}: &m${i + 1} {<<: [${Array(9).fill(`*m${i}`).join(', ')}]}`);
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n  labels: &m0 {a: b}\n  annotations:\n    x: *j\n    y: *m9\ndata:\n${[...levels, ...merges].map((l) => '  ' + l).join('\n')}\n  z: *j\n---\n${levels.join('\n')}\n`;
  const m = analyse(text);
  assert.ok(m.ms < 2000, `took ${m.ms} ms`);
  assert.ok(m.heapMb < 200, `heap grew ${m.heapMb} MB`);
  assert.deepEqual(m.logs, []);
});

test('a 20 MB file: exactly one file-too-large info finding, quickly, and no feature answers', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n' + '    k: 15\n'.repeat(2_000_000);
  assert.ok(text.length > 20_000_000);
  const m = analyse(text);
  assert.deepEqual(m.findings.map((f) => [f.ruleId, f.severity]), [['file-too-large', 'info']]);
  assert.match(m.findings[0]!.message, /not analysed.*maxFileSize/);
  assert.deepEqual(m.service.symbols(URI), []);
  assert.equal(m.service.hover(URI, 10), undefined);
  assert.ok(m.ms < 5000, `took ${m.ms} ms`);
  assert.ok(m.heapMb < 300, `heap grew ${m.heapMb} MB`);
});

for (const [name, make] of [
  ['flow [[[[...]]]]', (n: number) => `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(n)}${']'.repeat(n)}\n`],
  ['flow {a: {a: ...}}', (n: number) => `apiVersion: v1\nkind: ConfigMap\ndata: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`],
  ['unclosed flow [[[[', (n: number) => `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(n)}\n`],
  ['block mappings', (n: number) => `apiVersion: v1\nkind: ConfigMap\ndata:\n${Array.from({ length: n }, (_, i) => ' '.repeat(i + 2) + 'k' + i + ':').join('\n')}\n`],
  ['block sequences (- - - x)', (n: number) => `apiVersion: v1\nkind: ConfigMap\ndata:\n  ${'- '.repeat(n)}x\n`],
  ['key: / - item alternation', (n: number) => `apiVersion: v1\nkind: ConfigMap\ndata:\n${Array.from({ length: Math.min(n, 1500) }, (_, i) => ' '.repeat(2 * i + 2) + '- k:').join('\n')}\n`], // 1,500 = 3,000 levels, under 5 MB
  ['lines joined by lone \\r', (n: number) => `apiVersion: v1\rkind: ConfigMap\rdata:\r${Array.from({ length: n }, (_, i) => ' '.repeat(i + 2) + 'k:').join('\r')}\r`],
] as const) {
  test(`3,000-deep nesting, ${name}: no stack overflow, one honest finding`, () => {
    // Twice, as an editor does: the `yaml` package near the stack limit once aborted the process on the second parse.
    for (const n of [1000, 3000]) {
      const m = analyse(make(n));
      assert.deepEqual(m.logs, []);
      assert.deepEqual(rules(m), ['yaml-syntax']);
      assert.match(m.findings[0]!.message, /Nested too deeply to analyse/);
      assert.ok(m.ms < 5000, `took ${m.ms} ms`);
    }
  });
}

test('Go-template and Kubernetes sniffing stay linear over 200,000 blank lines', () => {
  const m = analyse('a: "{{"\n' + '\n'.repeat(200_000) + ' \n'.repeat(100_000) + 'x: 1\n');
  assert.ok(m.ms < 2000, `took ${m.ms} ms`);
  assert.deepEqual(m.findings, []);
});

test('a megabyte of unclosed brackets on one line: bounded time, one finding', () => {
  const m = analyse('apiVersion: v1\nkind: ConfigMap\ndata: ' + '['.repeat(1_000_000));
  assert.ok(m.ms < 3000, `took ${m.ms} ms`);
  assert.deepEqual(rules(m), ['yaml-syntax']);
});

test('NUL bytes: the file is treated as binary and stays silent', () => {
  const m = analyse('apiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    a: 15\n\u0000\u0001\u00ff');
  assert.deepEqual(m.findings, []);
  assert.deepEqual(m.service.symbols(URI), []);
});

test('a binary file and invalid UTF-8 named .yaml: the CLI decodes with U+FFFD and does not crash', () => {
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const invalid = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "caf'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"\n  annotations:\n    a: 15\n')]);
  assert.ok(decode(invalid).includes('\uFFFD'));
  const r = cli({ 'binary.yaml': binary, 'invalid.yaml': invalid });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.deepEqual(r.json.findings.map((f) => [f.file, f.line, f.column, f.rule]), [['invalid.yaml', 6, 8, 'annotation-value-not-string']]);
});

test('a UTF-8 BOM: dropped by the reader, same positions as without it; tolerated by the core', () => {
  const text = k8s('    a: 15\n');
  const r = cli({ 'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'plain.yaml': text });
  assert.deepEqual(r.json.findings.map((f) => [f.file, f.line, f.column]), [['bom.yaml', 6, 8], ['plain.yaml', 6, 8]]);
  const m = analyse('\uFEFF' + text);
  assert.deepEqual(rules(m), ['annotation-value-not-string']);
  assert.equal(m.findings[0]!.span.start, ('\uFEFF' + text).indexOf('15'));
});

test('CRLF and mixed line endings: findings on the right line and column', () => {
  for (const eol of ['\r\n', 'mixed']) {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', '  annotations:', '    a: "ok"', '    b: 15', ''];
    const text = eol === 'mixed' ? lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\n'][i % 2])).join('') : lines.join(eol);
    const m = analyse(text);
    assert.deepEqual(rules(m), ['annotation-value-not-string'], JSON.stringify(eol));
    assert.deepEqual(pos(m, m.findings[0]!), { line: 6, character: 7 }, JSON.stringify(eol));
    assert.equal(text.slice(m.findings[0]!.span.start, m.findings[0]!.span.end), '15');
  }
  // A lone \r ends a line for LSP; the `yaml` package does not accept it: syntax findings, each on one line.
  const m = analyse(['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', ''].join('\r'));
  assert.deepEqual(m.logs, []);
  const lines = m.service.index.get(URI)!.lineIndex;
  for (const f of m.findings) assert.equal(lines.positionAt(f.span.start).line, lines.positionAt(f.span.end).line);
});

test('tabs: tab indentation is a syntax finding; a tab after the colon is fine', () => {
  assert.deepEqual(rules(analyse('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n')), ['yaml-syntax']);
  const m = analyse(k8s('    a:\t15\n'));
  assert.deepEqual(rules(m), ['annotation-value-not-string']);
});

test('a 1 MB single line: bounded time, the finding stays on its line', () => {
  const value = '1'.repeat(1_000_000);
  const m = analyse(k8s(`    a: ${value}\n    b: ${'x'.repeat(1_000_000)}\n`));
  assert.ok(m.ms < 3000, `took ${m.ms} ms`);
  assert.deepEqual(rules(m), ['annotation-value-not-string']);
  assert.equal(pos(m, m.findings[0]!).line, 5);
  assert.equal(m.findings[0]!.span.end - m.findings[0]!.span.start, value.length);
});

test('surrogate pairs: columns count UTF-16 code units (an emoji is two)', () => {
  const text = k8s('    "😀😀/x": 15\n');
  const m = analyse(text);
  const p = pos(m, m.findings[0]!);
  const line = text.split('\n')[5]!;
  assert.equal(p.character, line.indexOf('15'));
  assert.equal(p.character, [...line].indexOf('1') + 2); // two emoji = two extra UTF-16 units
  const r = cli({ 'emoji.yaml': text });
  assert.deepEqual(r.json.findings.map((f) => [f.line, f.column]), [[6, line.indexOf('15') + 1]]);
});

test('duplicate keys: one yaml-syntax finding on the repeated key, nothing thrown', () => {
  const m = analyse('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n');
  assert.deepEqual(rules(m), ['yaml-syntax']);
  assert.deepEqual(pos(m, m.findings[0]!), { line: 4, character: 2 });
  assert.deepEqual(m.logs, []);
});

test('custom tags: CloudFormation !Ref gets no findings; !!binary and !foo are inert', () => {
  const cfn = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  LB:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Name: !Ref Name\n      Subnets: !Split [",", !ImportValue Subnets]\n      Tags: !GetAtt X.Arn\n';
  assert.deepEqual(analyse(cfn).findings, []);
  const m = analyse(k8s('    a: !!binary aGVsbG8=\n    b: !foo bar\n    c: !!js/function "function () { throw new Error(1) }"\n'));
  assert.deepEqual(m.findings, []);
  assert.deepEqual(m.logs, []);
});

test('YAML 1.1 booleans in annotations (yes, on, No, off, y) are flagged by annotation-value-not-string', () => {
  const m = analyse(k8s('    a: yes\n    b: on\n    c: No\n    d: off\n    e: y\n    f: "yes"\n'));
  assert.deepEqual(rules(m), Array(5).fill('annotation-value-not-string'));
  for (const f of m.findings) assert.match(f.message, /boolean/);
});
