/** Protocol tests: the bundled server over stdio, real JSON-RPC. Run after `npm run build`. */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf } from './lspClient';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    alb.ingress.kubernetes.io/healthcheck-interval-seconds: 15
spec:
  ingressClassName: alb
`;

let dir: string;
let client: LspClient;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eksnet-proto-'));
  mkdirSync(path.join(dir, 'apps'));
  writeFileSync(path.join(dir, 'apps', 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n');
  writeFileSync(path.join(dir, 'workflow.yml'), 'name: ci\non: [push\n');
  client = new LspClient();
  const init = (await client.initialize(dir)) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
  assert.equal(init.serverInfo.name, 'eksnet-language-server');
  for (const cap of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'definitionProvider', 'referencesProvider', 'codeLensProvider', 'documentSymbolProvider']) assert.ok(init.capabilities[cap], cap);
});

after(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

test('indexes the workspace and reports the number of objects', async () => {
  const ready = await client.ready();
  assert.deepEqual({ state: (ready.params as { state: string }).state, files: (ready.params as { files: number }).files, objects: (ready.params as { objects: number }).objects }, { state: 'ready', files: 2, objects: 1 });
});

test('publishes versioned diagnostics with the rule id, a docs link, and a working quick fix', async () => {
  const uri = pathToFileURL(path.join(dir, 'ingress.yaml')).href;
  client.open(uri, INGRESS, 3);
  const diags = await client.diagnosticsFor(uri, { version: 3 });
  assert.equal(diags.length, 1);
  const d = diags[0]!;
  assert.equal(d.code, 'annotation-value-not-string');
  assert.equal(d.source, 'eksnet');
  assert.match(d.codeDescription!.href, /docs\/rules\/annotation-value-not-string\.md$/);
  assert.deepEqual(d.range, { start: positionOf(INGRESS, '15'), end: positionOf(INGRESS, '15', 2) });
  const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string; range: unknown }[]> } }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  });
  assert.equal(actions.length, 1);
  assert.deepEqual(actions[0]!.edit.changes[uri], [{ range: d.range, newText: '"15"' }]);
});

test('an edit republishes diagnostics for the new version; stale versions are not published after it', async () => {
  const uri = pathToFileURL(path.join(dir, 'edit.yaml')).href;
  client.open(uri, INGRESS, 1);
  await client.diagnosticsFor(uri, { version: 1 });
  for (let v = 2; v <= 40; v++) client.change(uri, v, INGRESS.replace('15', v % 2 ? '"15"' : '15'));
  const last = await client.diagnosticsFor(uri, { version: 40 });
  assert.equal(last.length, 1);
  client.change(uri, 41, INGRESS.replace('15', '"15"'));
  assert.equal((await client.diagnosticsFor(uri, { version: 41 })).length, 0);
});

test('document symbols list the objects', async () => {
  const uri = pathToFileURL(path.join(dir, 'ingress.yaml')).href;
  const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['Ingress web']);
});

test('requests for unknown documents and out-of-range positions get empty answers', async () => {
  const uri = 'file:///nowhere/missing.yaml';
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }), []);
  const known = pathToFileURL(path.join(dir, 'ingress.yaml')).href;
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri: known }, position: { line: 9999, character: 9999 } }), null);
  assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri: known }, position: { line: -1, character: 5 } }), []);
});

test('a non-Kubernetes YAML file gets no diagnostics', async () => {
  const uri = pathToFileURL(path.join(dir, 'workflow.yml')).href;
  client.open(uri, 'name: ci\non: [push\n');
  assert.deepEqual(await client.diagnosticsFor(uri), []);
});

test('syntax errors are left to Red Hat YAML when it is present (syntaxDiagnostics: auto)', async () => {
  const other = new LspClient();
  try {
    await other.initialize(undefined, { redHatYamlPresent: true });
    const uri = 'untitled:Untitled-1';
    other.open(uri, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n');
    assert.deepEqual(await other.diagnosticsFor(uri), []);
    other.settings = { syntaxDiagnostics: 'always' };
    other.notify('workspace/didChangeConfiguration', { settings: {} });
    const d = await other.diagnosticsFor(uri, { where: (ds) => ds.length > 0 });
    assert.deepEqual(d.map((x) => x.code), ['yaml-syntax']);
  } finally {
    await other.shutdown();
  }
});

test('the server exits cleanly on shutdown/exit', async () => {
  const other = new LspClient();
  await other.initialize();
  await other.shutdown();
  assert.equal(await other.exited, 0);
});
