/**
 * Checks one annotation value against its catalogue description: type (as the controller parses
 * it), enum, numeric range, length, format, string-map entries. Data-driven: everything comes from
 * the `AnnotationSpec`; no key is special-cased here. JSON values are checked elsewhere
 * (`catalog/jsonValue.ts`). Offsets are offsets into the annotation's string value.
 */
import { nearest } from './lookup';
import { meantBool, parseGoBool, parseGoInt, parseStringList, parseStringMap } from './parseValue';
import type { AnnotationSpec, MapKeySpec } from './types';

export type ValueProblemKind = 'boolean' | 'integer' | 'range' | 'enum' | 'format' | 'map';

export interface ValueEdit {
  /** Offsets in the value that the replacement covers. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly title: string;
}

export interface ValueProblem {
  readonly kind: ValueProblemKind;
  readonly message: string;
  /** Offsets in the value of the part that is wrong. */
  readonly start: number;
  readonly end: number;
  readonly edit?: ValueEdit;
}

const BOOL_WORDS = '"true" or "false" (also 1/0, t/f, TRUE/FALSE, True/False)';

function who(enforcedBy: 'controller' | 'aws' | undefined): string {
  return enforcedBy === 'aws' ? 'AWS rejects it when the load balancer is created or updated' : 'the controller fails to reconcile the object';
}

function show(v: string): string {
  return JSON.stringify(v);
}

export function validateValue(spec: AnnotationSpec, key: string, value: string): ValueProblem[] {
  const out: ValueProblem[] = [];
  const whole = (kind: ValueProblemKind, message: string, edit?: ValueEdit): void => {
    out.push({ kind, message, start: 0, end: value.length, ...(edit ? { edit } : {}) });
  };
  switch (spec.type) {
    case 'boolean': {
      if (parseGoBool(value) === undefined) {
        const meant = meantBool(value);
        whole(
          'boolean',
          `Annotation "${key}" is a boolean, but ${show(value)} is not one: the controller parses it with Go's ParseBool, which accepts ${BOOL_WORDS}, and fails to reconcile the object otherwise.${meant ? ` Write "${meant}".` : ''}`,
          meant ? { start: 0, end: value.length, text: meant, title: `Change the value to "${meant}"` } : undefined,
        );
        return out;
      }
      checkEnum(spec, key, value, out);
      return out;
    }
    case 'integer': {
      const n = parseGoInt(value);
      if (n === undefined) {
        const digits = /^\s*([+-]?[0-9]+)\s*(s|sec|secs|seconds?)?\s*$/i.exec(value)?.[1];
        whole(
          'integer',
          `Annotation "${key}" must be a whole number written with digits only (no spaces, units or decimals), but it is ${show(value)}; the controller fails to parse it${digits ? `. Write "${digits}"` : ''}.`,
          digits ? { start: 0, end: value.length, text: digits, title: `Change the value to "${digits}"` } : undefined,
        );
        return out;
      }
      if (checkEnum(spec, key, value, out)) return out;
      checkRange(spec.min, spec.max, spec.rangeUnit === 'count' ? undefined : spec.rangeEnforcedBy, key, value, n, spec.rangeUnit === 'seconds' ? ' s' : '', out, spec.rangeUnit === 'count');
      return out;
    }
    case 'string': {
      if (checkEnum(spec, key, value, out)) return out;
      if (spec.rangeUnit === 'characters' && (spec.max !== undefined || spec.min !== undefined)) {
        if (spec.max !== undefined && value.length > spec.max) {
          whole('range', `The value of annotation "${key}" is ${value.length} characters long, but at most ${spec.max} are allowed; ${who(spec.rangeEnforcedBy)}. Shorten it.`);
          return out;
        } else if (spec.min !== undefined && value.length < spec.min) {
          whole('range', `Annotation "${key}" is empty, but it needs a value of at least ${spec.min} character${spec.min === 1 ? '' : 's'}; ${who(spec.rangeEnforcedBy)}.`);
          return out;
        }
      }
      if (spec.pattern && (spec.patternAppliesTo ?? 'value') === 'value' && !new RegExp(spec.pattern).test(value)) {
        whole('format', `The value ${show(value)} of annotation "${key}" is not ${spec.patternName ?? `in the expected format (${spec.pattern})`}.`);
        return out;
      }
      return out;
    }
    case 'stringList': {
      if (spec.pattern && spec.patternAppliesTo === 'item') {
        const re = new RegExp(spec.pattern);
        for (const item of parseStringList(value)) {
          if (!re.test(item.text)) {
            out.push({
              kind: 'format',
              message: `The item ${show(item.text)} of annotation "${key}" is not ${spec.patternName ?? `in the expected format (${spec.pattern})`}.`,
              start: item.start,
              end: item.start + item.text.length,
            });
          }
        }
      }
      return out;
    }
    case 'stringMap': {
      const parsed = parseStringMap(value);
      for (const p of parsed.problems) {
        if (p.kind === 'colon') {
          const fixed = p.item.replace(/\s*:\s*/, '=');
          out.push({
            kind: 'map',
            message: `Annotation "${key}" is a map of key=value pairs, but the item ${show(p.item)} uses ":" instead of "="; the controller fails with "failed to parse stringMap annotation". Write ${show(fixed)}.`,
            start: p.start,
            end: p.end,
          });
        } else if (p.kind === 'no-equals') {
          out.push({
            kind: 'map',
            message: `Annotation "${key}" is a map of comma-separated key=value pairs, but the item ${show(p.item)} has no "="; the controller fails with "failed to parse stringMap annotation". Write it as key=value (escape a comma inside a value as "\\,").`,
            start: p.start,
            end: p.end,
          });
        } else {
          out.push({
            kind: 'map',
            message: `Annotation "${key}" has the item ${show(p.item)} with an empty key; the controller fails with "failed to parse stringMap annotation". Put a key before the "=".`,
            start: p.start,
            end: p.end,
          });
        }
      }
      const colonItems = parsed.problems.filter((p) => p.kind === 'colon');
      if (colonItems.length > 0 && colonItems.length === parsed.problems.length) {
        // One fix for the whole value: every `k:v` item becomes `k=v`.
        let text = value;
        for (const p of [...colonItems].sort((a, b) => b.start - a.start)) text = text.slice(0, p.start) + p.item.replace(/\s*:\s*/, '=') + text.slice(p.end);
        const edit: ValueEdit = { start: 0, end: value.length, text, title: 'Write the map items as key=value' };
        for (let i = 0; i < out.length; i++) {
          const o = out[i] as ValueProblem;
          if (o.kind === 'map') out[i] = { ...o, edit };
        }
      }
      const known = new Map((spec.mapKeys ?? []).map((m) => [m.key, m]));
      for (const e of parsed.entries) {
        const mk = known.get(e.key);
        if (!mk) {
          if (spec.mapKeysExhaustive) {
            const near = nearest(e.key, [...known.keys()]);
            out.push({
              kind: 'map',
              message: `Annotation "${key}" accepts only the key${known.size === 1 ? '' : 's'} ${[...known.keys()].map(show).join(', ')}, not ${show(e.key)}; the controller fails to reconcile the object.${near ? ` Did you mean ${show(near)}?` : ''}`,
              start: e.keyStart,
              end: e.keyStart + e.key.length,
              ...(near ? { edit: { start: e.keyStart, end: e.keyStart + e.key.length, text: near, title: `Change the key to "${near}"` } } : {}),
            });
          }
        } else checkEntry(mk, key, e.key, e.value, e.valueStart, e.valueEnd, out);
        if (spec.pattern && spec.patternAppliesTo === 'mapValue' && !out.some((o) => o.start === e.valueStart) && !new RegExp(spec.pattern).test(e.value)) {
          out.push({
            kind: 'format',
            message: `The value ${show(e.value)} of "${e.key}" in annotation "${key}" is not ${spec.patternName ?? `in the expected format (${spec.pattern})`}.`,
            start: e.valueStart,
            end: e.valueEnd,
          });
        }
      }
      return out;
    }
    default:
      return out;
  }
}

/** Returns true when the value is not one of the allowed ones (and reports it). */
function checkEnum(spec: AnnotationSpec, key: string, value: string, out: ValueProblem[]): boolean {
  if (!spec.enum || spec.enum.length === 0) return false;
  const cs = spec.caseSensitive !== false;
  const ok = cs ? spec.enum.includes(value) : spec.enum.some((e) => e.toLowerCase() === value.toLowerCase());
  if (ok) return false;
  const near = nearest(value, spec.enum);
  const list = spec.enum.map(show).join(', ');
  const caseOnly = near !== undefined && near.toLowerCase() === value.toLowerCase();
  out.push({
    kind: 'enum',
    message: `Annotation "${key}" does not accept ${show(value)}; allowed ${spec.enum.length === 1 ? 'is only' : 'are'} ${list}${cs ? ' (case-sensitive)' : ''}.${near ? ` ${caseOnly ? 'Only the spelling differs: write' : 'Did you mean'} ${show(near)}${caseOnly ? '.' : '?'}` : ''}`,
    start: 0,
    end: value.length,
    ...(near ? { edit: { start: 0, end: value.length, text: near, title: `Change the value to "${near}"` } } : {}),
  });
  return true;
}

function checkRange(min: number | undefined, max: number | undefined, enforcedBy: 'controller' | 'aws' | undefined, key: string, value: string, n: number, unit: string, out: ValueProblem[], skip = false): void {
  if (skip) return;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}${unit}` : min !== undefined ? `at least ${min}${unit}` : `at most ${max}${unit}`;
    out.push({ kind: 'range', message: `Annotation "${key}" is ${value}${unit}, but it must be ${bounds}; ${who(enforcedBy)}.`, start: 0, end: value.length });
  }
}

function checkEntry(mk: MapKeySpec, key: string, entryKey: string, v: string, start: number, end: number, out: ValueProblem[]): void {
  const where = `"${entryKey}" in annotation "${key}"`;
  if (mk.valueType === 'boolean' && parseGoBool(v) === undefined) {
    const meant = meantBool(v);
    out.push({
      kind: 'boolean',
      message: `${where} must be "true" or "false", not ${show(v)}; ${who(mk.enforcedBy ?? 'aws')}.${meant ? ` Write "${meant}".` : ''}`,
      start,
      end,
      ...(meant ? { edit: { start, end, text: meant, title: `Change ${entryKey} to "${meant}"` } } : {}),
    });
    return;
  }
  if (mk.valueType === 'integer') {
    const n = parseGoInt(v);
    if (n === undefined) {
      out.push({ kind: 'integer', message: `${where} must be a whole number, not ${show(v)}; ${who(mk.enforcedBy ?? 'aws')}.`, start, end });
      return;
    }
    if ((mk.min !== undefined && n < mk.min) || (mk.max !== undefined && n > mk.max)) {
      const bounds = mk.min !== undefined && mk.max !== undefined ? `between ${mk.min} and ${mk.max}` : mk.min !== undefined ? `at least ${mk.min}` : `at most ${mk.max}`;
      out.push({ kind: 'range', message: `${where} is ${v}, but it must be ${bounds}; ${who(mk.enforcedBy ?? 'aws')}.`, start, end });
    }
    return;
  }
  if (mk.enum && !mk.enum.includes(v)) {
    const near = nearest(v, mk.enum);
    out.push({
      kind: 'enum',
      message: `${where} does not accept ${show(v)}; allowed are ${mk.enum.map(show).join(', ')}; ${who(mk.enforcedBy ?? 'aws')}.${near ? ` Did you mean ${show(near)}?` : ''}`,
      start,
      end,
      ...(near ? { edit: { start, end, text: near, title: `Change ${entryKey} to "${near}"` } } : {}),
    });
  }
}
