/** Protocol tests of cross-references: multi-file workspace on disk, real JSON-RPC. Run after `npm run build`. */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf, startInWorkspace } from './lspClient';

const KUSTOMIZATION = 'namespace: shop\nresources:\n  - service.yaml\n  - deployment.yaml\n  - ingress.yaml\n';
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - name: http
              containerPort: 8080
`;
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: alb
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

let dir: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(dir, 'app', name)).href;
type Loc = { uri: string; range: { start: { line: number; character: number } } };

let stop: () => Promise<void>;

before(async () => {
  ({ dir, client, stop } = await startInWorkspace('eksnet-xref-', {
    'app/kustomization.yaml': KUSTOMIZATION,
    'app/service.yaml': SERVICE,
    'app/deployment.yaml': DEPLOYMENT,
    'app/ingress.yaml': INGRESS,
  }));
});

after(() => stop());

test('definition: Ingress backend → Service, and Service selector → the pod template', async () => {
  const ing = uriOf('ingress.yaml');
  client.open(ing, INGRESS);
  const toService = await client.request<Loc[]>('textDocument/definition', { textDocument: { uri: ing }, position: positionOf(INGRESS, 'name: web', 7) });
  assert.deepEqual(toService.map((l) => [l.uri, l.range.start]), [[uriOf('service.yaml'), positionOf(SERVICE, 'web')]]);
  const svc = uriOf('service.yaml');
  client.open(svc, SERVICE);
  const toPods = await client.request<Loc[]>('textDocument/definition', { textDocument: { uri: svc }, position: positionOf(SERVICE, 'selector:', 2) });
  assert.deepEqual(toPods.map((l) => [l.uri, l.range.start]), [[uriOf('deployment.yaml'), positionOf(DEPLOYMENT, '        app: web', 8)]]);
});

test('references: from a pod template label to the selectors, from a Service to its Ingress', async () => {
  const dep = uriOf('deployment.yaml');
  const refs = await client.request<Loc[]>('textDocument/references', { textDocument: { uri: dep }, position: positionOf(DEPLOYMENT, '        app: web', 9), context: { includeDeclaration: false } });
  assert.deepEqual(refs.map((l) => [l.uri, l.range.start]), [[uriOf('service.yaml'), positionOf(SERVICE, 'selector:')]]);
  const svc = uriOf('service.yaml');
  const users = await client.request<Loc[]>('textDocument/references', { textDocument: { uri: svc }, position: positionOf(SERVICE, 'name: web', 7), context: { includeDeclaration: false } });
  assert.deepEqual(users.map((l) => [l.uri, l.range.start]), [[uriOf('ingress.yaml'), positionOf(INGRESS, 'name: web', 6)]]);
});

test('code lens: the selector lens names its workloads and carries the showLocations command', async () => {
  const svc = uriOf('service.yaml');
  const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: svc } });
  const lens = lenses.find((l) => l.range.start.line === positionOf(SERVICE, 'selector:').line)!;
  assert.equal(lens.command.title, 'selects 1 workload: web');
  assert.equal(lens.command.command, 'eksnet.showLocations');
  assert.equal((lens.command.arguments[2] as Loc[])[0]!.uri, uriOf('deployment.yaml'));
  const dep = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: uriOf('deployment.yaml') } });
  assert.ok(dep.some((l) => l.command.title === 'Service web · Ingress shop'), JSON.stringify(dep));
});

test('hover on a selector lists the matched workloads with links', async () => {
  const svc = uriOf('service.yaml');
  const h = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: svc }, position: positionOf(SERVICE, 'selector:', 1) });
  assert.match(h.contents.value, /Selects 1 workload\*\* in namespace `shop`/);
  assert.ok(h.contents.value.includes(`[Deployment web](${uriOf('deployment.yaml')}#L`));
});

test('completion offers the namespace\'s Services in a backend and pod labels in a selector', async () => {
  const ing = uriOf('ingress.yaml');
  const typed = INGRESS.replace('name: web', 'name: ');
  client.change(ing, 2, typed);
  await client.diagnosticsFor(ing, { version: 2 });
  const items = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: ing }, position: positionOf(typed, 'name: \n', 6) });
  assert.ok(items.some((i) => i.label === 'web'), JSON.stringify(items.map((i) => i.label)));
  client.change(ing, 3, INGRESS);
  const svc = uriOf('service.yaml');
  const withKey = SERVICE.replace('    app: web\n', '    app: web\n    \n');
  client.change(svc, 2, withKey);
  await client.diagnosticsFor(svc, { version: 2 });
  const keys = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: svc }, position: positionOf(withKey, '    \n', 4) });
  assert.deepEqual(keys.map((i) => i.label), ['app']);
  client.change(svc, 3, SERVICE);
  await client.diagnosticsFor(svc, { version: 3 });
});

test('editing a label in one open file republishes the diagnostics of the other open file', async () => {
  const svc = uriOf('service.yaml');
  const dep = uriOf('deployment.yaml');
  client.open(dep, DEPLOYMENT);
  assert.deepEqual(await client.diagnosticsFor(svc, { where: (d) => d.length === 0 }), []);
  client.change(dep, 2, DEPLOYMENT.replace('        app: web', '        app: wb'));
  const broken = await client.diagnosticsFor(svc, { where: (d) => d.some((x) => x.code === 'service-selector-no-match') });
  const finding = broken.find((x) => x.code === 'service-selector-no-match')!;
  assert.match(finding.message, /Did you mean "wb"\?/);
  client.change(dep, 3, DEPLOYMENT);
  assert.deepEqual(await client.diagnosticsFor(svc, { where: (d) => d.length === 0 }), []);
});

test('a closed file changed on disk is picked up through the file watcher', async () => {
  const svc = uriOf('service.yaml');
  const dep = uriOf('deployment.yaml');
  client.notify('textDocument/didClose', { textDocument: { uri: dep } });
  writeFileSync(path.join(dir, 'app', 'deployment.yaml'), DEPLOYMENT.replace('        app: web', '        app: web2'));
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: dep, type: 2 }] });
  const d = await client.diagnosticsFor(svc, { where: (ds) => ds.some((x) => x.code === 'service-selector-no-match') });
  assert.ok(d.length > 0);
  writeFileSync(path.join(dir, 'app', 'deployment.yaml'), DEPLOYMENT);
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: dep, type: 2 }] });
  assert.deepEqual(await client.diagnosticsFor(svc, { where: (ds) => ds.length === 0 }), []);
});
