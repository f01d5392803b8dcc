/** Annotation completion and hover through the bundled server over real JSON-RPC. Run after `npm run build`. */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, positionOf } from './lspClient';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    alb.ingress.kubernetes.io/scheme: internet-facing
    alb.ingress.kubernetes.io/target-t
spec:
  ingressClassName: alb
---
apiVersion: v1
kind: Service
metadata:
  name: api
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
spec:
  type: LoadBalancer
  ports:
    - port: 80
`;

interface Item {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  insertTextFormat: number;
  tags?: number[];
}

const uri = 'untitled:annotations.yaml';
let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
  client.open(uri, INGRESS);
  await client.diagnosticsFor(uri);
});

after(async () => {
  await client.shutdown();
});

test('completes a half-typed annotation key with a snippet that replaces the typed prefix', async () => {
  const end = positionOf(INGRESS, 'alb.ingress.kubernetes.io/target-t', 'alb.ingress.kubernetes.io/target-t'.length);
  const items = await client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: end });
  const labels = items.map((i) => i.label);
  assert.ok(!labels.includes('alb.ingress.kubernetes.io/scheme'), 'a key already present is offered');
  assert.ok(!labels.some((l) => l.startsWith('service.beta.kubernetes.io/')), 'Service keys offered on an Ingress');
  const item = items.find((i) => i.label === 'alb.ingress.kubernetes.io/target-type');
  assert.ok(item, 'target-type not offered');
  assert.equal(item.insertTextFormat, 2);
  assert.equal(item.textEdit.newText, 'alb.ingress.kubernetes.io/target-type: ${1|instance,ip|}');
  assert.deepEqual(item.textEdit.range, { start: positionOf(INGRESS, 'alb.ingress.kubernetes.io/target-t'), end });
  assert.equal(item.documentation?.kind, 'markdown');
  assert.match(item.documentation!.value, /\*\*Type:\*\* string, one of `instance`, `ip`/);
  const deprecated = items.find((i) => i.label === 'kubernetes.io/ingress.class');
  assert.deepEqual(deprecated?.tags, [1]);
});

test('completes annotation values as quoted YAML', async () => {
  const text = INGRESS.replace('alb.ingress.kubernetes.io/target-t\n', 'alb.ingress.kubernetes.io/use-regex-path-match: \n');
  client.change(uri, 2, text);
  const position = positionOf(text, 'use-regex-path-match: ', 'use-regex-path-match: '.length);
  const items = await client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position });
  assert.deepEqual(items.map((i) => i.textEdit.newText).sort(), ['"false"', '"true"']);
});

test('hover on an annotation key shows its documentation', async () => {
  const position = positionOf(INGRESS, 'alb.ingress.kubernetes.io/scheme', 5);
  const hover = await client.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri }, position });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /^\*\*`alb\.ingress\.kubernetes\.io\/scheme`\*\*/);
  assert.match(hover.contents.value, /\*\*Default:\*\* `internal`/);
  assert.match(hover.contents.value, /\[Documentation\]\(https:\/\/kubernetes-sigs\.github\.io\/aws-load-balancer-controller\//);
  assert.deepEqual(hover.range, { start: positionOf(INGRESS, 'alb.ingress.kubernetes.io/scheme'), end: positionOf(INGRESS, 'alb.ingress.kubernetes.io/scheme', 'alb.ingress.kubernetes.io/scheme'.length) });
});

test('hover on a LoadBalancer Service tells which controller reconciles it', async () => {
  const position = positionOf(INGRESS, 'LoadBalancer', 3);
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position });
  assert.match(hover.contents.value, /Classic Load Balancer by the in-tree AWS cloud provider/);
  assert.match(hover.contents.value, /mutator webhook/);
});
