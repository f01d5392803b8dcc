/** JSON-valued annotations of an object, parsed once per object and shared by the JSON rules. */
import { parseJson, ParsedJson, pathKey, JsonPath } from '../../catalog/jsonValue';
import type { Span } from '../../model/types';
import type { KObject } from '../../workspace/fileModel';
import { innerSpan, valueEntries } from './annotations';

export type ValueEntry = ReturnType<typeof valueEntries>[number];

export interface JsonEntry {
  readonly entry: ValueEntry;
  readonly parsed: ParsedJson;
}

export function jsonEntries(obj: KObject): JsonEntry[] {
  const memoKey = `annotationJson|${obj.ordinal}`;
  const cached = obj.chunk.memo.get(memoKey) as JsonEntry[] | undefined;
  if (cached) return cached;
  const out = valueEntries(obj)
    .filter((e) => e.spec.type === 'json' && e.spec.schemaFile)
    .map((entry) => ({ entry, parsed: parseJson(entry.value) }));
  obj.chunk.memo.set(memoKey, out);
  return out;
}

/** Where a JSON path (value, or its key) is in the source; falls back to the closest enclosing value. */
export function spanAt(obj: KObject, j: JsonEntry, path: JsonPath, anchor: 'key' | 'value'): Span {
  const text = obj.chunk.text;
  for (let n = path.length; n >= 0; n--) {
    const info = j.parsed.nodes.get(pathKey(path.slice(0, n)));
    if (!info) continue;
    if (n === path.length && anchor === 'key' && info.keyStart !== undefined && info.keyEnd !== undefined) return innerSpan(text, j.entry.scalar, info.keyStart, info.keyEnd, j.entry.keySpan);
    return innerSpan(text, j.entry.scalar, info.start, info.end, j.entry.keySpan);
  }
  return innerSpan(text, j.entry.scalar, 0, j.entry.value.length, j.entry.keySpan);
}
