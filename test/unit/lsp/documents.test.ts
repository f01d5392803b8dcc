/**
 * The server's open-document store applies incremental changes exactly as
 * vscode-languageserver-textdocument does (the oracle) for the ranges editors send, with CRLF and
 * lone CR line ends, surrogate pairs and several changes in one notification. Ranges past the end
 * are clamped (the oracle's own line table goes wrong on those, so they are checked by hand).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges } from '../../../server/src/lsp/documents';
import { LineIndex } from '../../../server/src/analysis';

const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '😀', 'kind: Service\n', '---\n');
const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
/** An edit as offsets into the text it applies to (turned into a range against that text), or a whole new text. */
const edit = fc.oneof(
  { weight: 5, arbitrary: fc.record({ a: fc.nat(), b: fc.nat(), text: fc.array(piece, { maxLength: 3 }).map((a) => a.join('')) }) },
  { weight: 1, arbitrary: text.map((t) => ({ whole: t })) },
);

test('applyChanges matches TextDocument.update on random edits', () => {
  fc.assert(
    fc.property(text, fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (initial, edits, withIndex) => {
      // Ranges are valid for the text each change applies to, as editors send them.
      const oracle = TextDocument.create('file:///x.yaml', 'yaml', 1, initial);
      const changes = edits.map((e, i) => {
        const current = oracle.getText();
        let change: { text: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } } };
        if ('whole' in e) change = { text: e.whole };
        else {
          const [a, b] = [e.a % (current.length + 1), e.b % (current.length + 1)].sort((x, y) => x - y);
          change = { text: e.text, range: { start: oracle.positionAt(a!), end: oracle.positionAt(b!) } };
        }
        TextDocument.update(oracle, [change], i + 2);
        return change;
      });
      const ours = applyChanges(initial, changes, withIndex ? new LineIndex(initial) : undefined);
      assert.equal(ours, oracle.getText());
    }),
    { seed: 7, numRuns: 2000 },
  );
});

test('applyChanges clamps ranges past the end of a line or of the text', () => {
  assert.equal(applyChanges('ab\ncd', [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: 'X' }], undefined), 'abX\ncd');
  assert.equal(applyChanges('ab\ncd', [{ range: { start: { line: 7, character: 0 }, end: { line: 9, character: 0 } }, text: 'X' }], undefined), 'ab\ncdX');
});

test('applyChanges: a change inside one line of a large text, with the text\'s line index', () => {
  const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
  const before = lines.join('\n');
  const after = applyChanges(before, [{ range: { start: { line: 500, character: 5 }, end: { line: 500, character: 8 } }, text: 'X' }], new LineIndex(before));
  assert.equal(after.split('\n')[500], 'line X');
  assert.equal(after.split('\n').length, 1000);
});
