/** Keeps the registry, the rule files, the fixtures and the docs in step. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, LanguageService } from '../../server/src/analysis';
import { renderAnnotationsDoc, renderIndex, renderRuleDoc } from '../../scripts/ruleDocs';
import { expectations, parseFixture } from '../helpers/fixture';

const ROOT = path.join(__dirname, '..', '..');
const RULES_DIR = path.join(ROOT, 'server', 'src', 'analysis', 'rules');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');

test('rule ids are unique, kebab-case, and each rule lives in a file named after it', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of ALL_RULES) {
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(existsSync(path.join(RULES_DIR, `${r.id}.ts`)), `rules/${r.id}.ts`);
  }
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !['types.ts', 'registry.ts', 'docsUrl.ts'].includes(f));
  for (const f of files) assert.ok(ids.includes(f.replace(/\.ts$/, '')), `rules/${f} is not registered in registry.ts`);
});

test('every rule has texts, docs, a positive fixture and a clean fixture', () => {
  for (const r of ALL_RULES) {
    for (const field of [r.title, r.description, r.remediation, r.docs.why, r.docs.bad, r.docs.good]) assert.ok(field.trim().length > 0, `${r.id}: empty text`);
    const dir = path.join(FIXTURES, r.id);
    assert.ok(existsSync(dir), `test/fixtures/rules/${r.id}/ is missing`);
    const fixtures = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n) && !/\.after\./.test(n));
    const marks = fixtures.map((n) => parseFixture(readFileSync(path.join(dir, n), 'utf8'), n).files.flatMap(expectations));
    assert.ok(marks.some((m) => m.some((e) => e.rule === r.id)), `${r.id}: no fixture expects a finding of this rule`);
    assert.ok(marks.some((m) => m.length === 0), `${r.id}: no clean fixture (one without markers)`);
  }
});

test('the docs example of every rule triggers it, and the fixed example does not', () => {
  for (const r of ALL_RULES) {
    if (r.id === 'file-too-large') continue; // its example is a description of a 20 MB file
    const run = (text: string) => {
      const s = new LanguageService();
      s.setFile('file:///doc.yaml', text);
      return s.validate('file:///doc.yaml').filter((f) => f.ruleId === r.id);
    };
    assert.ok(run(r.docs.bad).length > 0, `${r.id}: docs.bad does not trigger the rule`);
    assert.equal(run(r.docs.good).length, 0, `${r.id}: docs.good still triggers the rule`);
  }
});

test('docs/rules is up to date with the registry (npm run docs)', () => {
  for (const r of ALL_RULES) {
    const file = path.join(ROOT, 'docs', 'rules', `${r.id}.md`);
    assert.ok(existsSync(file), `docs/rules/${r.id}.md is missing: run npm run docs`);
    assert.equal(readFileSync(file, 'utf8'), renderRuleDoc(r), `docs/rules/${r.id}.md is stale: run npm run docs`);
  }
  assert.equal(readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8'), renderIndex(), 'docs/rules/README.md is stale: run npm run docs');
  assert.equal(readFileSync(path.join(ROOT, 'docs', 'annotations.md'), 'utf8'), renderAnnotationsDoc(), 'docs/annotations.md is stale: run npm run docs');
});

test('the analysis core imports no vscode-* package and does no I/O', () => {
  const core = path.join(ROOT, 'server', 'src', 'analysis');
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
  for (const f of walk(core).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(f, 'utf8');
    assert.doesNotMatch(src, /from ['"](vscode|vscode-[^'"]*)['"]/, `${path.relative(ROOT, f)} imports a vscode package`);
    assert.doesNotMatch(src, /from ['"](node:)?(fs|net|http|https|child_process|worker_threads)['"]/, `${path.relative(ROOT, f)} does I/O`);
  }
});

test('only the lsp adapter imports vscode-languageserver; only the client imports vscode', () => {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
  for (const f of walk(path.join(ROOT, 'server', 'src')).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(f, 'utf8');
    const rel = path.relative(ROOT, f);
    if (/from ['"]vscode-languageserver/.test(src)) assert.ok(rel.startsWith('server/src/lsp/') || rel === 'server/src/main.ts', `${rel} imports vscode-languageserver`);
    assert.doesNotMatch(src, /from ['"]vscode['"]/, `${rel} imports vscode`);
  }
});
