/** CLI tests: spawn the bundled CLI (dist/cli.js) and check its formats and exit codes. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
let dir: string;

const BAD = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    alb.ingress.kubernetes.io/healthcheck-interval-seconds: 15
spec:
  ingressClassName: alb
`;
const GOOD = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'eksnet-cli-'));
  mkdirSync(path.join(dir, 'apps', 'nested'), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(path.join(dir, 'apps', 'ingress.yaml'), BAD);
  writeFileSync(path.join(dir, 'apps', 'nested', 'ns.yml'), GOOD);
  writeFileSync(path.join(dir, 'apps', 'README.md'), '# not yaml');
  writeFileSync(path.join(dir, 'node_modules', 'x', 'bad.yaml'), BAD);
  writeFileSync(path.join(dir, 'clean.yaml'), GOOD);
  writeFileSync(path.join(dir, 'suppressed.yaml'), BAD.replace('    alb.ingress.kubernetes.io/health', '    # eksnet-disable-next-line annotation-value-not-string\n    alb.ingress.kubernetes.io/health'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('json output has exactly the documented shape, 1-based UTF-16 positions and relative paths', () => {
  const r = run(['lint', '--format', 'json', 'apps']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['findings', 'summary']);
  assert.deepEqual(out.summary, { files: 2, documents: 2, errors: 1, warnings: 0 });
  assert.equal(out.findings.length, 1);
  const f = out.findings[0];
  assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
  assert.deepEqual({ ...f, message: undefined }, { file: 'apps/ingress.yaml', line: 6, column: 61, endLine: 6, endColumn: 63, severity: 'error', rule: 'annotation-value-not-string', message: undefined });
  assert.match(f.message, /healthcheck-interval-seconds/);
});

test('text output lists file:line:col, severity, rule and message, then a summary', () => {
  const r = run(['lint', 'apps']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0]!, /^apps\/ingress\.yaml:6:61: error annotation-value-not-string: The value of annotation/);
  assert.equal(lines[1], '1 problem (1 error, 0 warnings, 0 info/hint) in 2 files, 2 documents');
});

test('sarif output is SARIF 2.1.0 with rule metadata and a region on every result', () => {
  const r = run(['lint', '--format', 'sarif', '.']);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'eksnet');
  const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ids.includes('annotation-value-not-string'));
  for (const rule of run0.tool.driver.rules) assert.ok(rule.helpUri && rule.shortDescription.text && rule.fullDescription.text);
  assert.equal(run0.results.length, 1, 'node_modules is skipped and the suppressed finding is not reported');
  for (const res of run0.results) {
    const region = res.locations[0].physicalLocation.region;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= 1 && region.endColumn >= 1);
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  }
});

test('exit code 0 without error findings', () => {
  const r = run(['lint', 'clean.yaml', 'apps/nested']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /✓ 0 problems/);
});

test('exit code 2 and a message naming the path for a missing path', () => {
  const r = run(['lint', 'does-not-exist']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no such file or folder: does-not-exist/);
});

test('exit code 2 for usage errors', () => {
  for (const args of [['lint'], ['lint', '--format', 'xml', '.'], ['frobnicate'], ['lint', '--bogus', '.']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /Usage:/);
  }
});

test('the settings file turns rules off and changes severities, for the CLI as for the editor', () => {
  const cfgDir = mkdtempSync(path.join(tmpdir(), 'eksnet-cfg-'));
  try {
    writeFileSync(path.join(cfgDir, 'ingress.yaml'), BAD);
    writeFileSync(path.join(cfgDir, '.eksnet.json'), JSON.stringify({ rules: { 'annotation-value-not-string': 'warning' } }));
    let r = run(['lint', '--format', 'json', '.'], cfgDir);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).findings[0].severity, 'warning');
    writeFileSync(path.join(cfgDir, '.eksnet.json'), JSON.stringify({ rules: { 'annotation-value-not-string': 'off' } }));
    r = run(['lint', '--format', 'json', '.'], cfgDir);
    assert.equal(JSON.parse(r.stdout).findings.length, 0);
    writeFileSync(path.join(cfgDir, '.eksnet.json'), JSON.stringify({ exclude: ['ingress.yaml'] }));
    r = run(['lint', '--format', 'json', '.'], cfgDir);
    assert.equal(JSON.parse(r.stdout).summary.files, 0);
    writeFileSync(path.join(cfgDir, '.eksnet.json'), '{ not json');
    r = run(['lint', '.'], cfgDir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.eksnet\.json is not valid/);
    r = run(['lint', '--no-config', '--format', 'json', '.'], cfgDir);
    assert.equal(r.code, 1);
  } finally {
    rmSync(cfgDir, { recursive: true, force: true });
  }
});

test('rules lists every rule; --version prints the version', () => {
  const r = run(['rules', '--format', 'json']);
  assert.equal(r.code, 0);
  const rules = JSON.parse(r.stdout) as { id: string; docs: string }[];
  assert.ok(rules.some((x) => x.id === 'yaml-syntax'));
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
});
