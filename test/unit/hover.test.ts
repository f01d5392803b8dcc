/**
 * Hover fixtures under test/fixtures/hover/: a YAML file with a `$0` cursor and directive comments:
 *   # hover-contains: <text>       the Markdown contains this text
 *   # hover-not-contains: <text>   ... and not this one
 *   # hover-range: <text>          the hover range covers exactly this text
 *   # no-hover                     there is no hover
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { load, parseFixture } from '../helpers/fixture';
import { directives } from '../helpers/featureFixture';

const DIR = path.join(__dirname, '..', 'fixtures', 'hover');

describe('hover fixtures', () => {
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.yaml')).sort()) {
    test(name, () => {
      const fixture = parseFixture(readFileSync(path.join(DIR, name), 'utf8'), name);
      assert.ok(fixture.cursor, `${name}: no $0 cursor`);
      const service = load(fixture);
      const { uri, offset } = fixture.cursor!;
      const text = fixture.files.find((f) => f.uri === uri)!.text;
      const hover = service.hover(uri, offset);
      const ds = directives(text);
      assert.ok(ds.length > 0, `${name}: no directives`);
      for (const d of ds) {
        if (d.name === 'no-hover') {
          assert.equal(hover, undefined, `${name}: expected no hover, got:\n${hover?.markdown}`);
          continue;
        }
        assert.ok(hover, `${name}: no hover`);
        if (d.name === 'hover-contains') assert.ok(hover.markdown.includes(d.arg), `${name}: hover lacks "${d.arg}":\n${hover.markdown}`);
        else if (d.name === 'hover-not-contains') assert.ok(!hover.markdown.includes(d.arg), `${name}: hover should not contain "${d.arg}":\n${hover.markdown}`);
        else if (d.name === 'hover-range') assert.equal(text.slice(hover.span.start, hover.span.end), d.arg, `${name}: hover range`);
        else assert.fail(`${name}: unknown directive ${d.name}`);
      }
    });
  }
});
