/**
 * Every key and value completion of the annotation catalogue inserts YAML that parses (as YAML 1.2
 * and as the YAML 1.1 that kubectl and the API server use) into a string annotation value, and the
 * defaults of the inserted snippets pass the catalogue's own checks (no error findings).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { LanguageService } from '../../server/src/analysis';
import type { CompletionEntry } from '../../server/src/analysis';
import { expandSnippet, needsQuotes, yamlScalar } from '../../server/src/analysis/features/annotations/yamlText';
import { ALL_ANNOTATIONS } from '../../server/src/analysis/catalog/data';

const SITES: readonly { name: string; doc: string }[] = [
  { name: 'Ingress', doc: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    @\nspec:\n  ingressClassName: alb\n' },
  { name: 'Service', doc: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    @\nspec:\n  type: LoadBalancer\n  loadBalancerClass: service.k8s.aws/nlb\n  ports:\n    - port: 80\n' },
  { name: 'Deployment pod template', doc: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n        @\n    spec:\n      containers:\n        - name: app\n          image: nginx\n' },
  { name: 'Pod', doc: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    @\nspec:\n  containers:\n    - name: app\n      image: nginx\n' },
  { name: 'Namespace labels', doc: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    @\n' },
  { name: 'IngressClass', doc: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb\n  annotations:\n    @\nspec:\n  controller: ingress.k8s.aws/alb\n' },
  { name: 'Node', doc: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: ip-10-0-0-1\n  annotations:\n    @\n' },
];

function apply(text: string, e: CompletionEntry): string {
  const inserted = e.snippet ? expandSnippet(e.insertText) : e.insertText;
  return text.slice(0, e.replace.start) + inserted + text.slice(e.replace.end);
}

function metaValue(text: string, key: string, version: '1.1' | '1.2'): unknown {
  const doc = parseDocument(text, { version });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `YAML ${version} errors in:\n${text}`);
  const root = doc.toJS() as Record<string, unknown>;
  const find = (o: unknown): Record<string, unknown> | undefined => {
    if (!o || typeof o !== 'object') return undefined;
    const meta = (o as Record<string, unknown>).metadata as Record<string, unknown> | undefined;
    const map = (meta?.annotations ?? meta?.labels) as Record<string, unknown> | undefined;
    if (map && key in map) return map;
    for (const v of Object.values(o)) {
      const r = find(v);
      if (r) return r;
    }
    return undefined;
  };
  const map = find(root);
  assert.ok(map, `${key} not found after insertion in:\n${text}`);
  return map[key];
}

for (const site of SITES) {
  test(`key completions on ${site.name} insert valid YAML with string values and pass the catalogue's checks`, () => {
    const at = site.doc.indexOf('@');
    const text = site.doc.replace('@', '');
    const service = new LanguageService();
    service.setFile('file:///site.yaml', text);
    const entries = service.complete('file:///site.yaml', at).filter((e) => e.kind === 'property');
    assert.ok(entries.length > 0, 'no key completions');
    for (const e of entries) {
      const after = apply(text, e);
      const key = /^\s*([^\s:][^:]*?):(?: |$)/m.exec(after.slice(e.replace.start))?.[1] as string;
      for (const version of ['1.1', '1.2'] as const) {
        const v = metaValue(after, key, version);
        assert.ok(v === null || typeof v === 'string', `${e.label}: value ${JSON.stringify(v)} is not a string in YAML ${version}`);
      }
      if (metaValue(after, key, '1.2') === null) continue;
      service.setFile('file:///check.yaml', after);
      const errors = service.validate('file:///check.yaml').filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), [], `${e.label} inserted as:\n${after}`);
    }
  });
}

test('value completions of every catalogue key insert YAML that reads back as the offered string', () => {
  const service = new LanguageService();
  let checked = 0;
  for (const spec of ALL_ANNOTATIONS) {
    if (spec.keyPattern || spec.writtenBy) continue;
    const kind = spec.kinds[0];
    const objKind = kind === 'Pod' ? 'Pod' : kind;
    const field = spec.metaKind === 'label' ? 'labels' : 'annotations';
    const head = `apiVersion: v1\nkind: ${objKind}\nmetadata:\n  name: x\n  ${field}:\n    ${spec.key}: `;
    const text = `${head}\n`;
    service.setFile('file:///value.yaml', text);
    for (const e of service.complete('file:///value.yaml', head.length)) {
      const after = apply(text, e);
      const inserted = e.snippet ? expandSnippet(e.insertText) : e.insertText;
      for (const version of ['1.1', '1.2'] as const) {
        const v = metaValue(after, spec.key, version);
        assert.equal(typeof v, 'string', `${spec.key} = ${inserted} is not a string in YAML ${version}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 150, `only ${checked} value completions checked`);
});

test('needsQuotes/yamlScalar keep every tricky value a string in YAML 1.1 and 1.2', () => {
  const tricky = ['on', 'off', 'yes', 'No', 'true', 'null', '~', '*', '443', '0x1F', '1e3', '10.0.0.0/8', '12:30', '-1', '.5', '.inf', '', ' lead', 'a: b', 'a #b', '[1]', '{"a": 1}', "it's", '"q"', '&anchor', '!tag', '%x', '@x', '`x', '|', '>', 'a\nb', '<<', '='];
  for (const v of tricky) {
    const text = `k: ${yamlScalar(v)}\n`;
    for (const version of ['1.1', '1.2'] as const) {
      const doc = parseDocument(text, { version });
      assert.deepEqual(doc.errors, [], `${JSON.stringify(v)} → ${text}`);
      assert.equal((doc.toJS() as { k: unknown }).k, v, `${JSON.stringify(v)} → ${text} (YAML ${version})`);
    }
  }
  for (const v of ['internet-facing', 'ip', 'HTTP2Preferred', 'my-team.shared-alb', 'a=b,c=d', 'sg-0123456789abcdef0']) assert.equal(needsQuotes(v), false, v);
});

test('expandSnippet keeps defaults and first choices and drops escapes', () => {
  assert.equal(expandSnippet('a: ${1|x,y|} ${2:def} $0 \\$ \\} ${3}'), 'a: x def  $ } ');
  assert.equal(expandSnippet("'[{\"HTTP\": ${1:80}\\}]'"), "'[{\"HTTP\": 80}]'");
  assert.equal(expandSnippet('${1:a\\}b}'), 'a}b');
});
