/** Protocol tests of the NetworkPolicy / pod security groups area: the bundled server over stdio. */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf, startInWorkspace } from './lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: api:1
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Egress
`;

let dir: string;
let client: LspClient;

let stop: () => Promise<void>;

before(async () => {
  ({ dir, client, stop } = await startInWorkspace('eksnet-np-', { 'app/api.yaml': DEPLOYMENT }));
});

after(() => stop());

test('default-deny egress without DNS: a warning whose quick fix adds the kube-dns rule', async () => {
  const uri = pathToFileURL(path.join(dir, 'app', 'policy.yaml')).href;
  client.open(uri, POLICY, 1);
  const diags = await client.diagnosticsFor(uri, { version: 1 });
  assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['network-policy-no-dns-egress', 2]]);
  const d = diags[0]!;
  assert.deepEqual(d.range.start, positionOf(POLICY, 'Egress'));
  const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  });
  assert.deepEqual(actions.map((a) => a.title), ['Allow DNS egress to kube-dns (UDP and TCP 53)']);
  const inserted = actions[0]!.edit.changes[uri]![0]!.newText;
  assert.match(inserted, /^\n {2}egress:\n {4}- to:\n {8}- namespaceSelector:/);
  // Applying the fix clears the warning.
  client.change(uri, 2, POLICY + inserted.slice(1) + '\n');
  assert.deepEqual(await client.diagnosticsFor(uri, { version: 2 }), []);
});

test('hover on the workload shows the effective isolation across policies', async () => {
  const uri = pathToFileURL(path.join(dir, 'app', 'api.yaml')).href;
  client.open(uri, DEPLOYMENT, 1);
  const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(DEPLOYMENT, 'Deployment', 3) });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*Egress\*\*: isolated by `default-deny-egress`; allowed:\n {2}- to pods k8s-app=kube-dns in namespaces kubernetes.io\/metadata.name=kube-system — UDP 53, TCP 53/);
  assert.match(hover.contents.value, /\*\*Ingress\*\*: not isolated/);
});

test('schema completion of SecurityGroupPolicy keys', async () => {
  const uri = pathToFileURL(path.join(dir, 'app', 'sgp.yaml')).href;
  const text = 'apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: db\nspec:\n  \n';
  client.open(uri, text, 1);
  const items = await client.request<{ label: string }[] | { items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 2 } });
  const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  for (const l of ['podSelector', 'serviceAccountSelector', 'securityGroups']) assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
});
