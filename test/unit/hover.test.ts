/**
 * Hover fixtures under test/fixtures/hover/: a YAML file with a `$0` cursor and directive comments:
 *   # hover-contains: <text>       the Markdown contains this text
 *   # hover-not-contains: <text>   ... and not this one
 *   # hover-range: <text>          the hover range covers exactly this text
 *   # no-hover                     there is no hover
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { cursorFixtures } from '../helpers/featureFixture';

cursorFixtures('hover fixtures', path.join(__dirname, '..', 'fixtures', 'hover'), ({ name, service, uri, offset, text, directives: ds }) => {
  const hover = service.hover(uri, offset);
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
