/** Runs every rule fixture under test/fixtures/rules/<rule-id>/ (see test/helpers/fixture.ts). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Fix } from '../../server/src/analysis';
import { actual, expectations, load, parseFixture, stripMarkers, withMarkers } from '../helpers/fixture';

const DIR = path.join(__dirname, '..', 'fixtures', 'rules');
const UPDATE = process.env.UPDATE_EXPECT === '1';

for (const ruleDir of readdirSync(DIR).sort()) {
  describe(`rule ${ruleDir}`, () => {
    for (const name of readdirSync(path.join(DIR, ruleDir)).filter((n) => /\.ya?ml$/.test(n) && !/\.after\./.test(n)).sort()) {
      const full = path.join(DIR, ruleDir, name);
      test(name, () => {
        const source = readFileSync(full, 'utf8');
        const fixture = parseFixture(source, name);
        const service = load(fixture);
        const rewritten: string[] = [];
        for (const file of fixture.files) {
          const found = actual(service, file, fixture.settings);
          if (UPDATE) rewritten.push((fixture.files.length > 1 ? `#- file: ${file.name}\n` : '') + withMarkers(file, found));
          else assert.deepEqual(sortByPlace(found), sortByPlace(expectations(file)), `findings of ${ruleDir}/${name} (${file.name})`);
        }
        if (UPDATE) writeFileSync(full, rewritten.join('\n'));
        checkAfter(full, source, fixture, service);
      });
    }
  });
}

function checkAfter(full: string, source: string, fixture: ReturnType<typeof parseFixture>, service: ReturnType<typeof load>): void {
  const afterPath = full.replace(/\.ya?ml$/, '.after.yaml');
  if (!existsSync(afterPath)) return;
  const choose = /^# fix: (.+)$/m.exec(source)?.[1];
  const file = fixture.files[0]!;
  const fixes: Fix[] = service.validate(file.uri, fixture.settings).flatMap((f) => {
    const options = service.fixes(file.uri, f.data);
    const picked = choose ? options.find((o) => o.title.includes(choose)) : options[0];
    return picked ? [picked] : [];
  });
  assert.ok(fixes.length > 0, `${path.basename(afterPath)} exists but no quick fix was offered`);
  const edits = fixes.flatMap((f) => f.edits.filter((e) => e.uri === file.uri).flatMap((e) => e.edits)).sort((a, b) => b.span.start - a.span.start);
  let text = file.text;
  let lastStart = Number.MAX_SAFE_INTEGER;
  for (const e of edits) {
    if (e.span.end > lastStart) continue; // overlapping edits: keep the later one only
    text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
    lastStart = e.span.start;
  }
  text = stripMarkers(text);
  if (UPDATE) writeFileSync(afterPath, text);
  else assert.equal(text, readFileSync(afterPath, 'utf8'), `text after the quick fixes of ${path.basename(full)}`);
}

function sortByPlace<T extends { line: number; column: number; rule: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
