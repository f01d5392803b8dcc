/** A rule that throws is isolated: it costs a log line, and the other rules still report. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, LanguageService, RULES_BY_ID } from '../../../server/src/analysis';
import { analyzeFile } from '../../../server/src/analysis/engine/analyze';
import type { FileRule, ObjectRule, Rule } from '../../../server/src/analysis/rules/types';

const TEXT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: 15\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n  annotations:\n    b: true\n';
const META = { title: 't', description: 'd', remediation: 'r', severity: 'error', kinds: 'any', docs: { why: 'w', bad: 'b', good: 'g' } } as const;

test('object, workspace and file rules that throw are isolated from a normal rule', () => {
  const service = new LanguageService();
  service.setFile('file:///a.yaml', TEXT);
  const throwingObject: ObjectRule = { ...META, id: 'throws-object', scope: 'object', check: () => { throw new Error('boom object'); } };
  const throwingWorkspace: ObjectRule = { ...META, id: 'throws-workspace', scope: 'workspace', check: ({ report }) => { report({ span: { start: 0, end: 1 }, message: 'before the throw' }); throw new TypeError('boom workspace'); } };
  const throwingFile: FileRule = { ...META, id: 'throws-file', scope: 'file', checkFile: () => { throw 'a string, not an Error'; } };
  const normal = RULES_BY_ID.get('annotation-value-not-string') as Rule;
  const logs: string[] = [];
  const findings = analyzeFile(service.index, 'file:///a.yaml', { settings: DEFAULT_SETTINGS, log: (m) => logs.push(m), rules: [throwingFile, throwingObject, normal, throwingWorkspace] });
  assert.deepEqual(findings.filter((f) => f.ruleId === normal.id).map((f) => TEXT.slice(f.span.start, f.span.end)), ['15', 'true']);
  assert.equal(logs.filter((l) => l.includes('throws-object')).length, 2, 'one log line per object');
  assert.equal(logs.filter((l) => l.includes('throws-workspace')).length, 2);
  assert.equal(logs.filter((l) => l.includes('throws-file')).length, 1);
  assert.ok(logs.every((l) => l.includes('file:///a.yaml')));
});
