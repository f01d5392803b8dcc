/**
 * LSP robustness over real JSON-RPC (dist/server.js): unknown documents, out-of-range positions,
 * cancellation, a burst of 1,000 edits, files deleted while indexing, symlinks out of the
 * workspace, and a restart on the same workspace. Waits are event-driven, never sleeps.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService, LineIndex } from '../../server/src/analysis';
import { LspClient, Diagnostic } from './lspClient';

const svc = (name: string, n: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: ${n % 3 ? `"${n}"` : n}\nspec:\n  ports:\n    - port: 80\n`;
const FILES = 300;

let dir: string;
let ws: string;
let outside: string;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'eksnet-robust-'));
  ws = path.join(dir, 'ws');
  outside = path.join(dir, 'outside');
  mkdirSync(path.join(ws, 'many'), { recursive: true });
  mkdirSync(outside);
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(ws, 'many', `s${String(i).padStart(3, '0')}.yaml`), svc(`s${i}`, i));
  writeFileSync(path.join(outside, 'secret.yaml'), svc('secret', 0));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves on the next `eksnet/status` notification sent after this call. */
function nextStatus(client: LspClient): Promise<unknown> {
  const from = client.notifications.length;
  return client.waitFor((m) => m.method === 'eksnet/status' && client.notifications.indexOf(m) >= from, 10_000, 'a status notification');
}

/** What the core says about a text, as LSP diagnostics would carry it. */
function expected(text: string): { code: string; range: Diagnostic['range'] }[] {
  const s = new LanguageService();
  s.setFile('file:///x.yaml', text);
  const lines = new LineIndex(text);
  return s.validate('file:///x.yaml').map((f) => ({ code: f.ruleId, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } }));
}
const summary = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code as string, range: d.range }));

test('a file deleted while indexing is not indexed; a symlink out of the workspace is never read', async () => {
  const client = new LspClient();
  try {
    await client.initialize(ws);
    const victim = path.join(ws, 'many', 's150.yaml');
    unlinkSync(victim);
    const victimUri = pathToFileURL(victim).href;
    const status = nextStatus(client);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: victimUri, type: 3 }] });
    // The end of initial indexing is the `ready` status that carries `total` (watched-file events send `ready` too).
    const ready = (await client.waitFor((m) => m.method === 'eksnet/status' && (m.params as { state?: string; total?: number }).state === 'ready' && (m.params as { total?: number }).total !== undefined, 30_000, 'indexing')).params as { objects: number };
    await status;
    assert.equal(ready.objects, FILES - 1);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: victimUri } }), []);

    // A symlink inside the workspace pointing outside it, announced as created: not read.
    const link = path.join(ws, 'link.yaml');
    symlinkSync(path.join(outside, 'secret.yaml'), link);
    const linkUri = pathToFileURL(link).href;
    const after = nextStatus(client);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: linkUri, type: 1 }, { uri: pathToFileURL(path.join(outside, 'secret.yaml')).href, type: 2 }] });
    const st = (await after) as { params: { objects: number } };
    assert.equal(st.params.objects, FILES - 1);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: linkUri } }), []);
    unlinkSync(link);
  } finally {
    await client.shutdown();
  }
});

test('unknown documents, out-of-range positions and cancelled requests get empty answers; the server lives on', async () => {
  const client = new LspClient();
  try {
    await client.initialize(ws);
    await client.ready(30_000);
    const unknown = { uri: 'file:///nowhere/missing.yaml' };
    const p0 = { line: 0, character: 0 };
    assert.equal(await client.request('textDocument/hover', { textDocument: unknown, position: p0 }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: unknown, position: p0 }), []);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: unknown, position: p0 }), []);
    assert.deepEqual(await client.request('textDocument/references', { textDocument: unknown, position: p0, context: { includeDeclaration: true } }), []);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: unknown }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: unknown }), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: unknown, range: { start: p0, end: p0 }, context: { diagnostics: [{ range: { start: p0, end: p0 }, message: 'x', source: 'eksnet', data: { ruleId: 'annotation-value-not-string', base: 0, payload: { span: { start: 5, end: 999 }, replacement: 'x' } } }] } }), []);

    const uri = pathToFileURL(path.join(ws, 'open.yaml')).href;
    client.open(uri, svc('open', 0));
    await client.diagnosticsFor(uri, { version: 1 });
    for (const position of [{ line: 9999, character: 0 }, { line: 2, character: 9999 }, { line: -1, character: -1 }, { line: 0, character: -50 }, { line: 2 ** 31, character: 2 ** 31 }]) {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references']) {
        await client.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
      }
    }
    // A forged diagnostic whose fix data points outside the text: no edit outside the document.
    const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: p0, end: p0 }, context: { diagnostics: [{ range: { start: p0, end: p0 }, message: 'x', source: 'eksnet', data: { ruleId: 'annotation-value-not-string', base: 10 ** 9, payload: { span: { start: 0, end: 5 }, replacement: 'x' } } }] } });
    assert.deepEqual(actions, []);

    // $/cancelRequest right after a request: either an answer or RequestCancelled, never a hang.
    const ids = client as unknown as { nextId: number };
    const pending = [];
    for (let i = 0; i < 20; i++) {
      const id = ids.nextId;
      pending.push(client.request('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 10 } }).then(() => 'answered', (e: Error) => (/cancel/i.test(e.message) ? 'cancelled' : `failed: ${e.message}`)));
      client.notify('$/cancelRequest', { id });
    }
    for (const r of await Promise.all(pending)) assert.ok(r === 'answered' || r === 'cancelled', r);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: p0 }), null);
    assert.deepEqual(client.stderr.join('').match(/failed:|uncaught|unhandled/g) ?? [], [], client.stderr.join(''));
  } finally {
    await client.shutdown();
  }
});

test('1,000 edits in a burst: the final diagnostics match the final text (CRLF included)', async () => {
  const client = new LspClient();
  try {
    await client.initialize(ws);
    await client.ready(30_000);
    const uri = pathToFileURL(path.join(ws, 'burst.yaml')).href;
    client.open(uri, svc('burst', 1));
    const texts: string[] = [];
    for (let v = 2; v <= 1001; v++) {
      let t = svc(`b${v}`, v);
      if (v % 7 === 0) t = t.replace(/\n/g, '\r\n');
      if (v % 11 === 0) t = t.slice(0, v % t.length); // truncated, often invalid
      if (v === 1001) t = (svc('last', 0) + '---\n' + svc('again', 3)).replace(/\n/g, '\r\n');
      texts[v] = t;
      client.change(uri, v, t);
    }
    const final = await client.diagnosticsFor(uri, { version: 1001, timeoutMs: 30_000 });
    const want = expected(texts[1001]!);
    assert.ok(want.some((d) => d.code === 'annotation-value-not-string'));
    assert.deepEqual(summary(final), want);
    // No diagnostics for an older version arrive after the final ones.
    const settled = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal((settled as unknown[]).length, 2);
    assert.equal(client.diagnostics.get(uri)?.version, 1001);
  } finally {
    await client.shutdown();
  }
});

test('restart: shutdown, then a new server on the same workspace indexes it the same way', async () => {
  const counts: unknown[] = [];
  for (let i = 0; i < 2; i++) {
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const ready = (await client.ready(30_000)).params as { files: number; objects: number };
      counts.push({ files: ready.files, objects: ready.objects });
      const uri = pathToFileURL(path.join(ws, 'many', 's000.yaml')).href;
      client.open(uri, svc('s0', 0));
      assert.deepEqual(summary(await client.diagnosticsFor(uri, { version: 1 })), expected(svc('s0', 0)));
    } finally {
      await client.shutdown();
      assert.equal(await client.exited, 0);
    }
  }
  assert.deepEqual(counts[0], counts[1]);
});
