/** The annotation catalogue: coverage of the reference list, patterns, examples, value parsing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_ANNOTATIONS } from '../../server/src/analysis/catalog/data';
import { specFor } from '../../server/src/analysis/catalog/lookup';
import { validateValue } from '../../server/src/analysis/catalog/validateValue';
import { parseJson, unknownFields } from '../../server/src/analysis/catalog/jsonValue';
import { parseGoBool, parseGoInt, parseStringList, parseStringMap } from '../../server/src/analysis/catalog/parseValue';
import { schemaFile } from '../../server/src/analysis/schema/files';
import { validateValue as validateSchema } from '../../server/src/analysis/schema/validator';

const REFERENCE = path.join(__dirname, '..', '..', '..', 'shared', 'reference', 'catalog.json');

test('every key of the reference catalog.json is in the catalogue', { skip: existsSync(REFERENCE) ? false : `reference list not found at ${REFERENCE}` }, () => {
  const reference = JSON.parse(readFileSync(REFERENCE, 'utf8')) as { name: string }[];
  const keys = new Set(ALL_ANNOTATIONS.map((a) => a.key));
  const missing = reference.map((r) => r.name).filter((n) => !keys.has(n));
  assert.deepEqual(missing, [], 'keys of catalog.json without an AnnotationSpec');
});

test('every pattern and key pattern compiles, and every dynamic key matches its own pattern', () => {
  for (const a of ALL_ANNOTATIONS) {
    if (a.pattern) assert.doesNotThrow(() => new RegExp(a.pattern as string), a.key);
    if (a.keyPattern) {
      const re = new RegExp(a.keyPattern);
      const sample = a.key.replace(/\$\{(Protocol|protocol)\}/, a.key.startsWith('alb.') ? 'HTTPS' : 'TCP').replace(/\$\{(Port|port|servicePort)\}/g, '443').replace(/\$\{[^}]+\}/g, 'my-name');
      assert.ok(re.test(sample), `${a.key}: ${sample} does not match ${a.keyPattern}`);
      assert.equal(specFor(sample), a, `specFor(${sample})`);
    }
  }
});

test('every example value of the catalogue passes validation', () => {
  for (const a of ALL_ANNOTATIONS) {
    for (const ex of a.examples ?? []) {
      if (a.type === 'json') {
        const parsed = parseJson(ex);
        assert.ok(parsed.ok, `${a.key}: example is not JSON: ${ex}`);
        const schema = schemaFile(`annotations/${a.schemaFile as string}`);
        assert.ok(schema, `${a.key}: schema ${a.schemaFile} not found`);
        assert.deepEqual(validateSchema(schema, parsed.value), [], `${a.key}: ${ex}`);
        assert.deepEqual(unknownFields(schema as Record<string, unknown>, parsed.value), [], `${a.key}: unknown fields in ${ex}`);
      } else {
        assert.deepEqual(validateValue(a, a.key, ex), [], `${a.key}: example ${JSON.stringify(ex)}`);
      }
    }
    if (a.default !== undefined && a.type !== 'json' && !a.rangeUnit) assert.deepEqual(validateValue(a, a.key, a.default), [], `${a.key}: default ${a.default}`);
  }
});

test('values are parsed like the controller parses them', () => {
  for (const v of ['1', 't', 'T', 'TRUE', 'true', 'True']) assert.equal(parseGoBool(v), true, v);
  for (const v of ['0', 'f', 'F', 'FALSE', 'false', 'False']) assert.equal(parseGoBool(v), false, v);
  for (const v of ['yes', 'on', 'tRUE', ' true', '']) assert.equal(parseGoBool(v), undefined, v);
  assert.equal(parseGoInt('-15'), -15);
  assert.equal(parseGoInt('+7'), 7);
  for (const v of ['15s', ' 15', '1.5', '1_000', '']) assert.equal(parseGoInt(v), undefined, v);
  assert.deepEqual(parseStringList(' a, ,b ,'), [{ text: 'a', start: 1 }, { text: 'b', start: 5 }]);
  const m = parseStringMap('a=1, b = x=y ,c\\,d=e');
  assert.deepEqual(m.problems, []);
  assert.deepEqual(m.entries.map((e) => [e.key, e.value]), [['a', '1'], ['b', 'x=y'], ['c,d', 'e']]);
  assert.deepEqual(parseStringMap('Name:foo').problems.map((p) => p.kind), ['colon']);
  assert.deepEqual(parseStringMap('=v').problems.map((p) => p.kind), ['empty-key']);
  // An item without "=" followed by more k=v items is not reported (controller versions differ).
  assert.deepEqual(parseStringMap('a=1,2,b=3').problems, []);
  assert.deepEqual(parseStringMap('a=1,2').problems.map((p) => p.kind), ['no-equals']);
});

test('the JSON reader keeps offsets and notices duplicate keys', () => {
  const text = '[{"HTTP": 80, "HTTP": 8080}]';
  const p = parseJson(text);
  assert.ok(p.ok);
  assert.deepEqual(p.duplicates.map((d) => [d.key, text.slice(d.keyStart, d.keyEnd)]), [['HTTP', '"HTTP"']]);
  const bad = parseJson("[{'HTTP': 80}]");
  assert.equal(bad.ok, false);
  assert.equal(bad.error?.offset, 2);
});
