/**
 * Protocol tests of when diagnostics are published: a burst of opened files (as they are on disk)
 * gets diagnostics for every file, and incremental edits are applied at the right place.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf, startInWorkspace } from './lspClient';

const FILES = 40;
const ingress = (i: number) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web-${i}
  annotations:
    alb.ingress.kubernetes.io/healthcheck-interval-seconds: ${10 + i}
spec:
  ingressClassName: alb
`;

let dir: string;
let client: LspClient;

let stop: () => Promise<void>;

before(async () => {
  ({ dir, client, stop } = await startInWorkspace('eksnet-sched-', Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`ing-${i}.yaml`, ingress(i)]))));
});

after(() => stop());

test('files opened in a burst, as they are on disk, all get their diagnostics', async () => {
  const uris = Array.from({ length: FILES }, (_, i) => pathToFileURL(path.join(dir, `ing-${i}.yaml`)).href);
  // Staggered, so files are opened while earlier ones are being checked.
  for (const [i, uri] of uris.entries()) {
    client.open(uri, readFileSync(path.join(dir, `ing-${i}.yaml`), 'utf8'), 1);
    await new Promise((r) => setTimeout(r, i % 3));
  }
  for (const uri of uris) {
    const diags = await client.diagnosticsFor(uri, { version: 1, timeoutMs: 20000 });
    assert.deepEqual(diags.map((d) => d.code), ['annotation-value-not-string'], uri);
  }
});

test('incremental edits are applied where their ranges say', async () => {
  const uri = pathToFileURL(path.join(dir, 'ing-0.yaml')).href;
  const text = ingress(0);
  const at = positionOf(text, '10');
  // Quote the value in two changes of one notification: the second range is in the text after the first.
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: at, end: at }, text: '"' },
      { range: { start: { line: at.line, character: at.character + 3 }, end: { line: at.line, character: at.character + 3 } }, text: '"' },
    ],
  });
  assert.deepEqual(await client.diagnosticsFor(uri, { version: 2 }), []);
  // Remove both quotes again, in one notification: the error comes back on the value's range.
  const line = at.line;
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [
      { range: { start: { line, character: at.character }, end: { line, character: at.character + 1 } }, text: '' },
      { range: { start: { line, character: at.character + 2 }, end: { line, character: at.character + 3 } }, text: '' },
    ],
  });
  const diags = await client.diagnosticsFor(uri, { version: 3 });
  assert.deepEqual(diags.map((d) => [d.code, d.range]), [['annotation-value-not-string', { start: at, end: { line, character: at.character + 2 } }]]);
});
