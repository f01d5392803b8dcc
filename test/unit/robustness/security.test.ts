/**
 * Security: the server and the CLI execute nothing from the workspace, open no network
 * connection, follow no symbolic link out of the folders they walk, and do not evaluate YAML tags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LanguageService } from '../../../server/src/analysis';
import { findYamlFiles } from '../../../server/src/node/findYamlFiles';

const ROOT = path.join(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'server', 'src');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
const BAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: outside\n  annotations:\n    a: 15\n';

function workspaceWithLinks(): { dir: string; ws: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'eksnet-sec-'));
  const ws = path.join(dir, 'ws');
  const outside = path.join(dir, 'outside');
  mkdirSync(path.join(ws, 'apps'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.yaml'), BAD);
  writeFileSync(path.join(ws, 'apps', 'inside.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inside\n');
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(ws, 'linked-file.yaml'));
  symlinkSync(outside, path.join(ws, 'linked-dir'), 'dir');
  symlinkSync(ws, path.join(ws, 'apps', 'loop'), 'dir'); // a cycle must not hang the walk either
  return { dir, ws };
}

test('findYamlFiles follows no symlink (files, directories, cycles)', async () => {
  const { dir, ws } = workspaceWithLinks();
  try {
    const found = await findYamlFiles(ws, []);
    assert.deepEqual(found.map((f) => path.relative(ws, f)), [path.join('apps', 'inside.yaml')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI walking a folder reads nothing through a symlink', () => {
  const { dir, ws } = workspaceWithLinks();
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--no-config', '--format', 'json', '.'], { cwd: ws, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: unknown[]; summary: { files: number } };
    assert.deepEqual(out.findings, []);
    assert.equal(out.summary.files, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The CLI's parallel linting (server/src/cli/parallel.ts) starts worker threads on its own file
// (the bundle, dist/cli.js), with file paths and settings as data: never on workspace text.
const ALLOWED_IMPORTS: Record<string, readonly string[]> = { 'server/src/cli/parallel.ts': ['worker_threads'] };

test('server/src imports no process, network or dynamic-code module, and uses no eval', () => {
  const forbidden = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(child_process|net|http|https|http2|dgram|tls|dns|cluster|worker_threads|vm|inspector)['"]/g;
  const offenders: string[] = [];
  for (const f of walk(SRC).filter((x) => x.endsWith('.ts'))) {
    const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const rel = path.relative(ROOT, f).split(path.sep).join('/');
    for (const m of text.matchAll(forbidden)) if (!ALLOWED_IMPORTS[rel]?.includes(m[1]!)) offenders.push(`${rel}: ${m[0]}`);
    if (/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/.test(text)) offenders.push(`${path.relative(ROOT, f)}: eval / new Function`);
    if (/customTags|\bschema\s*:\s*['"]yaml-1\.1['"]/.test(text)) offenders.push(`${path.relative(ROOT, f)}: custom YAML tag resolution`);
  }
  assert.deepEqual(offenders, []);
});

// dist/server.js is left out: vscode-languageserver's own transports (--socket, --pipe, client
// process watching) require net and child_process; none of that is reachable from workspace data.
test('the CLI bundle contains no process or network module, dependencies included', () => {
  for (const bundle of ['cli.js']) {
    const text = readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
    for (const mod of ['child_process', 'net', 'http', 'https', 'dgram', 'tls']) {
      assert.doesNotMatch(text, new RegExp(`require\\(["'](node:)?${mod}["']\\)`), `dist/${bundle} requires ${mod}`);
    }
  }
});

test('YAML tags are never evaluated: !!js/function and friends stay inert strings', () => {
  const g = globalThis as { eksnetPwned?: boolean };
  delete g.eksnetPwned;
  const payload = 'function () { globalThis.eksnetPwned = true; return 1 }';
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: !!js/function "${payload}"\n    b: !<tag:yaml.org,2002:js/eval> "globalThis.eksnetPwned = true"\n    c: !!python/object/apply:os.system ["touch /tmp/eksnet-pwned"]\ndata:\n  d: !!js/undefined ''\n`;
  const s = new LanguageService();
  s.setFile('file:///t.yaml', text);
  s.validate('file:///t.yaml');
  for (let o = 0; o < text.length; o += 7) {
    s.hover('file:///t.yaml', o);
    s.complete('file:///t.yaml', o);
  }
  assert.equal(g.eksnetPwned, undefined);
  const obj = s.index.get('file:///t.yaml')!.objects[0]!;
  const ann = (obj.model.root.toJSON() as { metadata: { annotations: Record<string, unknown> } }).metadata.annotations;
  assert.equal(typeof ann.a, 'string');
  assert.equal(typeof ann.b, 'string');
});
