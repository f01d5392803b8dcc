/**
 * Completion fixtures under test/fixtures/completion/: a YAML file with a `$0` cursor and
 * directive comments (see test/helpers/featureFixture.ts):
 *   # completion: <label>                 the label is offered
 *   # completion: <label> => <insertText> ... and inserts exactly this text (`\n` for newlines, a final `\s` for a space)
 *   # no-completion: <label>              the label is not offered
 *   # no-completions                      nothing is offered
 *   # replaces: <text>                    every entry replaces exactly this text (`<empty>` for none)
 *   # first: <label>                      this label sorts before all others
 *   # deprecated: <label>                 the entry is marked deprecated
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionEntry } from '../../server/src/analysis';
import { cursorFixtures } from '../helpers/featureFixture';

cursorFixtures('completion fixtures', path.join(__dirname, '..', 'fixtures', 'completion'), ({ name, service, uri, offset, text, directives: ds }) => {
  const entries = service.complete(uri, offset);
  const byLabel = new Map<string, CompletionEntry>(entries.map((e) => [e.label, e]));
  const labels = () => entries.map((e) => e.label).join('\n  ');
  for (const d of ds) {
    switch (d.name) {
      case 'completion': {
        const [label, insert] = splitArrow(d.arg);
        const e = byLabel.get(label);
        assert.ok(e, `${name}: "${label}" not offered; got:\n  ${labels()}`);
        if (insert !== undefined) assert.equal(e.insertText, insert.replace(/\\n/g, '\n').replace(/\\s$/, ' '), `${name}: insert text of "${label}"`);
        break;
      }
      case 'no-completion':
        assert.ok(!byLabel.has(d.arg), `${name}: "${d.arg}" should not be offered`);
        break;
      case 'no-completions':
        assert.deepEqual(entries.map((e) => e.label), [], `${name}: expected no completions`);
        break;
      case 'replaces': {
        const want = d.arg === '<empty>' ? '' : d.arg;
        for (const e of entries) assert.equal(text.slice(e.replace.start, e.replace.end), want, `${name}: replace range of "${e.label}"`);
        assert.ok(entries.length > 0, `${name}: nothing offered`);
        break;
      }
      case 'first': {
        const sorted = [...entries].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        assert.equal(sorted[0]?.label, d.arg, `${name}: first entry`);
        break;
      }
      case 'deprecated':
        assert.equal(byLabel.get(d.arg)?.deprecated, true, `${name}: "${d.arg}" should be marked deprecated`);
        break;
      case 'last': {
        const sorted = [...entries].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        assert.equal(sorted[sorted.length - 1]?.label, d.arg, `${name}: last entry`);
        break;
      }
      default:
        assert.fail(`${name}: unknown directive ${d.name}`);
    }
  }
});

function splitArrow(arg: string): [string, string | undefined] {
  const i = arg.indexOf(' => ');
  return i < 0 ? [arg, undefined] : [arg.slice(0, i), arg.slice(i + 4)];
}
