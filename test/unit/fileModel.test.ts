/**
 * A new version of a file reuses the chunks an edit did not touch: their objects stay the same
 * values and report where they stand now; only the edited document is parsed again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FileModel } from '../../server/src/analysis/workspace/fileModel';
import { WorkspaceIndex } from '../../server/src/analysis/workspace/workspaceIndex';

const doc = (name: string) => `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n`;
const URI = 'file:///w/all.yaml';

test('an edit in one document re-parses that document only; the others keep their objects, shifted', () => {
  const index = new WorkspaceIndex();
  const before = ['a', 'b', 'c', 'd'].map(doc).join('');
  const v1 = index.set(URI, before);
  const baseOfC = v1.objects[2]!.base;
  const after = before.replace('name: b\n', 'name: bee\n');
  const v2 = new FileModel(URI, after, 5_000_000, v1);
  assert.deepEqual(v2.objects.map((o) => o.model.name), ['a', 'bee', 'c', 'd']);
  assert.equal(v2.created.length, 1);
  const b = v1.chunks[1];
  assert.deepEqual(v2.takeDropped(), [b]);
  assert.equal(v2.takeDropped(), undefined, 'handed over once');
  assert.equal(v2.objects[0], v1.objects[0]);
  assert.notEqual(v2.objects[1], v1.objects[1]);
  assert.equal(v2.objects[2], v1.objects[2], 'a document after the edit keeps its object');
  // It reports its new place: the text at its base is its own document's text.
  const c = v2.objects[2]!;
  assert.equal(c.file, v2);
  assert.equal(after.slice(c.base, c.base + c.chunk.text.length), doc('c'));
  assert.equal(c.base, baseOfC + 2);
});

test('deleting a document marker merges two documents into one re-parsed chunk', () => {
  const index = new WorkspaceIndex();
  const before = ['a', 'b', 'c'].map(doc).join('');
  const v1 = index.set(URI, before);
  const at = before.indexOf('---', 1);
  const v2 = new FileModel(URI, before.slice(0, at) + before.slice(at + 4), 5_000_000, v1); // remove the second `---\n`
  assert.equal(v2.chunks.length, 2);
  assert.equal(v2.chunks[0]!.objects[0]!.model.name, "a");
  assert.equal(v2.chunks[1], v1.chunks[2]);
});

test('an edit that makes a file a template or binary falls back to a full check', () => {
  const index = new WorkspaceIndex();
  const before = ['a', 'b'].map(doc).join('');
  index.set(URI, before);
  assert.equal(index.set(URI, before.replace('name: b', 'name: {{ .Values.name }}')).skip, 'template');
  assert.equal(index.set(URI, before.replace('name: b', 'name: b\u0000')).skip, 'binary');
  assert.equal(index.set(URI, before).skip, undefined);
});

test('lone CR line ends (valid YAML) parse like LF ones, at the same offsets', () => {
  const lf = doc('a') + doc('b');
  const cr = lf.replace(/\n/g, '\r');
  const index = new WorkspaceIndex();
  const a = index.set('file:///w/lf.yaml', lf);
  const b = index.set('file:///w/cr.yaml', cr);
  assert.deepEqual(b.chunks.map((c) => c.parsed.errors.length), [0, 0]);
  assert.deepEqual(b.objects.map((o) => [o.model.name, o.base, o.model.span]), a.objects.map((o) => [o.model.name, o.base, o.model.span]));
});

test('earlier versions of an edited file are not kept alive (nor their texts)', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const index = new WorkspaceIndex();
  let text = ['a', 'b', 'c', 'd'].map(doc).join('');
  const first = new WeakRef(index.set(URI, text));
  const versions: WeakRef<FileModel>[] = [];
  for (const name of ['b1', 'c1', 'b2', 'd1']) {
    text = text.replace(/name: [bcd]\d*\n/, `name: ${name}\n`);
    versions.push(new WeakRef(index.set(URI, text)));
  }
  // Changes are resolved into epochs at the next read (a validation does one).
  const current = index.get(URI)!;
  index.epochOf(current.objects[0]!);
  await new Promise((r) => setImmediate(r)); // WeakRef targets live until the end of the job that made them
  gc();
  assert.equal(first.deref(), undefined);
  assert.deepEqual(versions.map((v) => v.deref() !== undefined), [false, false, false, true]);
});
