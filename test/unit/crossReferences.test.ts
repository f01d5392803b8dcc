/**
 * Cross-reference editor features over a multi-file kustomize workspace: definition, references,
 * hover, code lens and completion, asserted by the text they point at (never hand-computed
 * positions), plus the kustomize/namespace resolution they build on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../../server/src/analysis';
import { load, parseFixture } from '../helpers/fixture';

const SHOP = parseFixture(readFileSync(path.join(__dirname, '..', 'fixtures', 'xref', 'shop.yaml'), 'utf8'));
const uri = (name: string) => `file:///fixture/${name}`;

function service(): LanguageService {
  return load(SHOP);
}

/** Offset of the `nth` occurrence of `needle` in a file, plus `delta`. */
function offsetOf(s: LanguageService, file: string, needle: string, nth = 0, delta = 1): number {
  const text = s.index.get(uri(file))!.text;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" #${nth} not in ${file}`);
  return at + delta;
}

/** The text each location covers, with its file name: what a reader would check. */
function texts(s: LanguageService, locs: readonly { uri: string; span: { start: number; end: number } }[]): string[] {
  return locs.map((l) => `${l.uri.replace('file:///fixture/', '')}:${s.index.get(l.uri)!.text.slice(l.span.start, l.span.end)}`).sort();
}

function line(s: LanguageService, l: { uri: string; span: { start: number } }): string {
  const f = s.index.get(l.uri)!;
  return f.lineIndex.lineText(f.lineIndex.positionAt(l.span.start).line).trim();
}

test('kustomize namespace and commonLabels apply to the files a kustomization lists', () => {
  const s = service();
  const deploy = s.index.get(uri('app.yaml'))!.objects.find((o) => o.model.kind === 'Deployment')!;
  assert.equal(s.index.namespaceOf(deploy), 'shop');
  const ing = s.index.get(uri('ingress.yaml'))!.objects[0]!;
  assert.equal(s.index.namespaceOf(ing), 'shop');
  // The Service selector gets team=shop too, and still selects the Deployment: no findings.
  for (const f of SHOP.files) assert.deepEqual(s.validate(f.uri).map((x) => x.ruleId), [], f.name);
});

test('go to definition: backend → Service, port name → Service port, use-annotation → action, class', () => {
  const s = service();
  const ing = 'ingress.yaml';
  assert.deepEqual(texts(s, s.definition(uri(ing), offsetOf(s, ing, 'name: web', 0, 7))), ['app.yaml:web']);
  assert.deepEqual(s.definition(uri(ing), offsetOf(s, ing, 'name: http', 0, 7)).map((l) => line(s, l)), ['- name: http']);
  assert.deepEqual(texts(s, s.definition(uri(ing), offsetOf(s, ing, 'name: maintenance', 0, 7))), ['ingress.yaml:alb.ingress.kubernetes.io/actions.maintenance']);
});

test('go to definition: selectors → every matching pod template; targetPort → container port', () => {
  const s = service();
  const app = 'app.yaml';
  // Service selector → the Deployment's template labels.
  assert.deepEqual(s.definition(uri(app), offsetOf(s, app, 'selector:')).map((l) => line(s, l)), ['app: web']);
  // NetworkPolicy matchExpressions tier in (frontend, backend) → both workloads.
  const np = s.definition(uri(app), offsetOf(s, app, 'podSelector:'));
  assert.deepEqual(np.map((l) => line(s, l)), ['app: web', 'app: api']);
  // targetPort: http → the container port named http.
  assert.deepEqual(s.definition(uri(app), offsetOf(s, app, 'targetPort: http', 0, 13)).map((l) => line(s, l)), ['- name: http']);
});

test('find references: pod template labels → selectors; Service → Ingress backends', () => {
  const s = service();
  const app = 'app.yaml';
  const fromWeb = s.references(uri(app), offsetOf(s, app, 'tier: frontend'));
  assert.deepEqual(texts(s, fromWeb), ['app.yaml:podSelector', 'app.yaml:selector']);
  const fromApi = s.references(uri(app), offsetOf(s, app, 'tier: backend'));
  assert.deepEqual(texts(s, fromApi), ['app.yaml:podSelector']);
  const toService = s.references(uri(app), offsetOf(s, app, 'name: web', 0, 7));
  assert.deepEqual(texts(s, toService), ['ingress.yaml:web']);
});

test('code lenses: above selectors and above workloads', () => {
  const s = service();
  const lenses = s.codeLenses(uri('app.yaml')).map((l) => `${line(s, { uri: uri('app.yaml'), span: l.span })} → ${l.title} (${l.targets?.length ?? 0})`);
  // Other areas add lenses of their own (NetworkPolicy isolation); these are the cross-reference ones.
  for (const want of [
    'selector: → selects 1 workload: web (1)',
    'kind: Deployment → Service web · Ingress shop · NetworkPolicy all-frontend (3)',
    'kind: StatefulSet → NetworkPolicy all-frontend (1)',
  ]) assert.ok(lenses.includes(want), `${want}\nin ${lenses.join('\n')}`);
  const svc = service();
  svc.setFile(uri('lost.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: lost\n  namespace: shop\nspec:\n  selector:\n    app: nothing\n');
  assert.deepEqual(svc.codeLenses(uri('lost.yaml')).map((l) => l.title), ['selects nothing in namespace shop']);
});

test('hover: a selector lists its workloads; a workload label lists who selects it', () => {
  const s = service();
  const app = 'app.yaml';
  const onSelector = s.hover(uri(app), offsetOf(s, app, 'podSelector:'))!;
  assert.match(onSelector.markdown, /Selects 2 workloads\*\* in namespace `shop`/);
  assert.match(onSelector.markdown, /\[Deployment web\]\(file:\/\/\/fixture\/app\.yaml#L\d+\)/);
  const onLabel = s.hover(uri(app), offsetOf(s, app, 'tier: frontend'))!;
  assert.match(onLabel.markdown, /Selected by/);
  assert.match(onLabel.markdown, /Service web/);
  assert.match(onLabel.markdown, /NetworkPolicy all-frontend/);
  assert.match(onLabel.markdown, /Ingress shop.*through Service web/);
  assert.match(onLabel.markdown, /kustomize adds `team=shop`/);
});

test('completion: label keys and values in selectors, Services and ports in backends, container ports for targetPort', () => {
  const s = service();
  const edit = (file: string, from: string, to: string) => {
    const text = s.index.get(uri(file))!.text.replace(from, to);
    const at = text.indexOf('$0');
    s.setFile(uri(file), text.replace('$0', ''));
    return at;
  };
  const expr = parseFixture(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web, tier: frontend}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata:
      labels: {app: api, tier: backend}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p}
spec:
  podSelector:
    matchExpressions:
      - key: tier
        operator: In
        values:
          - $0
`);
  assert.deepEqual(load(expr).complete(expr.cursor!.uri, expr.cursor!.offset).map((c) => c.label), ['backend', 'frontend']);
  let at = edit('app.yaml', '    app: web\n  ports:', '    app: web\n    $0\n  ports:');
  assert.deepEqual(s.complete(uri('app.yaml'), at).map((c) => c.label), ['app', 'team', 'tier']);
  at = edit('app.yaml', '    \n  ports:', '    tier: $0\n  ports:');
  assert.deepEqual(s.complete(uri('app.yaml'), at).map((c) => c.label), ['backend', 'frontend']);
  const svc = service();
  const ingText = svc.index.get(uri('ingress.yaml'))!.text;
  const withCursor = ingText.replace('name: web', 'name: $0');
  svc.setFile(uri('ingress.yaml'), withCursor.replace('$0', ''));
  assert.deepEqual(svc.complete(uri('ingress.yaml'), withCursor.indexOf('$0')).map((c) => c.label), ['web']);
  const portCursor = ingText.replace('name: http', 'name: $0');
  svc.setFile(uri('ingress.yaml'), portCursor.replace('$0', ''));
  assert.deepEqual(svc.complete(uri('ingress.yaml'), portCursor.indexOf('$0')).map((c) => c.label), ['http', 'use-annotation']);
  const appText = svc.index.get(uri('app.yaml'))!.text.replace('targetPort: http', 'targetPort: $0');
  svc.setFile(uri('app.yaml'), appText.replace('$0', ''));
  assert.deepEqual(svc.complete(uri('app.yaml'), appText.indexOf('$0')).map((c) => c.label), ['http']);
});

test('editing a label updates the findings of the Service in another file, and only what depends on it', () => {
  const s = service();
  const app = s.index.get(uri('app.yaml'))!.text;
  s.setFile(uri('app.yaml'), app.replace('        app: web\n        tier: frontend', '        app: webapp\n        tier: frontend'));
  // The Deployment's own selector no longer matches its template, and the Service selects nothing.
  const ids = s.validate(uri('app.yaml')).map((f) => f.ruleId).sort();
  assert.deepEqual(ids, ['service-selector-no-match', 'workload-selector-mismatch']);
  s.setFile(uri('app.yaml'), app);
  assert.deepEqual(s.validate(uri('app.yaml')), []);
});

test('find references from a workload includes NetworkPolicy peers that select it, in other namespaces too', () => {
  const f = parseFixture(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: backend}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: shop}
          podSelector:
            matchLabels: {app: web}
`);
  const s = load(f);
  const file = f.files[0]!;
  const refs = s.references(file.uri, file.text.indexOf('name: web') + 7);
  assert.deepEqual(refs.map((r) => line(s, r)), ['podSelector:']);
});
