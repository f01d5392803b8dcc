/**
 * The VS Code snippets (snippets/eksnet.code-snippets) and the JSON templates of annotation value
 * completion: expanded with their defaults, each is valid YAML (or JSON its schema accepts) and the
 * language service reports no error for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { LanguageService } from '../../server/src/analysis';
import { JSON_TEMPLATES, templateSnippet, templateText } from '../../server/src/analysis/features/annotations/jsonTemplates';
import { expandSnippet } from '../../server/src/analysis/features/annotations/yamlText';

const ROOT = path.join(__dirname, '..', '..');
const SNIPPETS = JSON.parse(readFileSync(path.join(ROOT, 'snippets', 'eksnet.code-snippets'), 'utf8')) as Record<string, { prefix: string; description: string; body: string[] }>;

const WANTED = ['ALB Ingress', 'Internal ALB Ingress in an IngressGroup', 'NLB Service', 'Internal NLB Service', 'IngressClass with IngressClassParams', 'TargetGroupBinding', 'SecurityGroupPolicy', 'Default-deny NetworkPolicy'];

test('the snippet file has every snippet the product promises, each with a prefix and description', () => {
  const names = Object.keys(SNIPPETS);
  for (const w of WANTED) assert.ok(names.some((n) => n.startsWith(w)), `no snippet "${w}…"`);
  const prefixes = Object.values(SNIPPETS).map((s) => s.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
  for (const [name, s] of Object.entries(SNIPPETS)) {
    assert.match(s.prefix, /^eks-[a-z-]+$/, name);
    assert.ok(s.description.length > 20, `${name}: description`);
    assert.ok(Array.isArray(s.body) && s.body.length > 5, `${name}: body`);
  }
});

for (const [name, s] of Object.entries(SNIPPETS)) {
  test(`snippet "${name}" expands to valid YAML without error findings`, () => {
    const text = expandSnippet(s.body.join('\n'));
    assert.doesNotMatch(text, /\$\{|\$\d/, 'unexpanded tab stop');
    const docs = parseAllDocuments(text);
    for (const d of docs) assert.deepEqual(d.errors.map((e) => e.message), [], `YAML errors in:\n${text}`);
    for (const d of docs) {
      const obj = d.toJS() as { apiVersion?: string; kind?: string; metadata?: { annotations?: Record<string, unknown> } };
      assert.ok(obj.apiVersion && obj.kind, `${name}: not a Kubernetes object`);
      for (const [k, v] of Object.entries(obj.metadata?.annotations ?? {})) assert.equal(typeof v, 'string', `${name}: annotation ${k} is not a string`);
    }
    // Annotation values are quoted in the snippet text itself.
    for (const line of s.body) {
      const m = /^\s+((?:alb\.ingress|service\.beta)\.kubernetes\.io\/\S+): (.*)$/.exec(line);
      if (m) assert.match(m[2] as string, /^(["']).*\1$/, `${name}: ${m[1]} value not quoted`);
    }
    const service = new LanguageService();
    service.setFile('file:///snippet.yaml', text);
    const errors = service.validate('file:///snippet.yaml').filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), [], text);
  });
}

test('JSON templates of value completion are valid JSON that their schema accepts', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const [file, templates] of Object.entries(JSON_TEMPLATES)) {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'annotations', file), 'utf8')) as object;
    const validate = ajv.compile(schema);
    for (const t of templates) {
      const value = JSON.parse(templateText(t.template)) as unknown;
      assert.ok(validate(value), `${file} "${t.label}": ${ajv.errorsText(validate.errors)}`);
      assert.equal(expandSnippet(templateSnippet(t.template)), templateText(t.template), `${file} "${t.label}": snippet and text differ`);
    }
  }
});
