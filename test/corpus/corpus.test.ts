/**
 * The corpus snapshot: error and warning findings on real manifests (../shared/corpus) must match
 * test/corpus/snapshot.json, and every rule among them needs a justification. A new false alarm
 * therefore shows up as a diff in review. `UPDATE_CORPUS=1 npm run corpus` accepts a change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CORPUS, diffSnapshots, lintCorpus, readJustifications, readSnapshot, snapshotOf, unjustified } from '../../scripts/corpus';

const present = existsSync(CORPUS);
const skip = present ? false : `the corpus is not at ${CORPUS} (it is in CI); corpus snapshot not checked`;

test('the corpus findings match the committed snapshot, and every rule with error/warning findings is justified', { skip, timeout: 300_000 }, () => {
  const fresh = snapshotOf(lintCorpus());
  const { added, removed } = diffSnapshots(readSnapshot(), fresh);
  assert.ok(
    added.length === 0 && removed.length === 0,
    `corpus findings changed (UPDATE_CORPUS=1 npm run corpus to accept, after checking each):\n${[...added.map((l) => `+ ${l}`), ...removed.map((l) => `- ${l}`)].join('\n')}`,
  );
  const missing = unjustified(fresh, readJustifications());
  assert.deepEqual(missing, [], `test/corpus/justifications.json has no justification for: ${missing.join(', ')}`);
});

test('justifications name only rules that exist in the snapshot', { skip }, () => {
  const rules = new Set(readSnapshot().map((e) => e.rule));
  const stale = Object.keys(readJustifications()).filter((r) => !rules.has(r));
  assert.deepEqual(stale, [], 'justifications for rules with no error/warning finding on the corpus: remove them or keep them with the rule');
});
