/**
 * Finding annotation descriptions by key: exact keys through a map, dynamic keys (`actions.<name>`,
 * `listener-attributes.<proto>-<port>`, …) through their key patterns, and "did you mean" for keys
 * that match nothing under a known prefix.
 */
import { ALL_ANNOTATIONS } from './data';
import type { AnnotatedKind, AnnotationSpec } from './types';
import { editDistance } from '../text/editDistance';

export { editDistance };

const EXACT = new Map<string, AnnotationSpec>(ALL_ANNOTATIONS.filter((a) => !a.keyPattern).map((a) => [a.key, a]));
const DYNAMIC: readonly { spec: AnnotationSpec; re: RegExp }[] = ALL_ANNOTATIONS.filter((a) => a.keyPattern).map((a) => ({ spec: a, re: new RegExp(a.keyPattern as string) }));

/** Prefixes whose keys we know completely: an unknown key under one of them is a mistake. */
export const KNOWN_PREFIXES: readonly string[] = ['alb.ingress.kubernetes.io/', 'service.beta.kubernetes.io/aws-load-balancer-'];

export function specFor(key: string): AnnotationSpec | undefined {
  return EXACT.get(key) ?? DYNAMIC.find((d) => d.re.test(key))?.spec;
}

/** The part of a dynamic key that stands for its placeholder, e.g. `web` in `actions.web`. */
export function dynamicSuffix(spec: AnnotationSpec, key: string): string | undefined {
  const fixed = spec.key.slice(0, spec.key.indexOf('${'));
  return spec.keyPattern && key.startsWith(fixed) ? key.slice(fixed.length) : undefined;
}

export function knownPrefixOf(key: string): string | undefined {
  return KNOWN_PREFIXES.find((p) => key.startsWith(p));
}

/** Specs that apply to a kind (`Pod` covers pod templates of workloads). */
export function specsForKind(kind: AnnotatedKind, metaKind: 'annotation' | 'label' = 'annotation'): AnnotationSpec[] {
  return ALL_ANNOTATIONS.filter((a) => a.metaKind === metaKind && a.kinds.includes(kind));
}

/** Normalises a mistyped key for comparison: camelCase and `_` to kebab-case, lower case, `-name` → `.name`. */
export function normaliseKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

/** The known key closest to a mistyped one under the same prefix, if close enough to suggest. */
export function suggestKey(key: string, candidates: readonly AnnotationSpec[] = ALL_ANNOTATIONS): AnnotationSpec | undefined {
  const prefix = knownPrefixOf(key);
  if (!prefix) return undefined;
  const wanted = normaliseKey(key.slice(prefix.length));
  let best: AnnotationSpec | undefined;
  let bestScore = Number.MAX_SAFE_INTEGER;
  for (const spec of candidates) {
    if (!spec.key.startsWith(prefix) || spec.keyPattern) continue;
    const name = spec.key.slice(prefix.length);
    const score = name === wanted || name.replace(/\./g, '-') === wanted.replace(/\./g, '-') ? 0 : editDistance(wanted, name);
    if (score < bestScore) {
      best = spec;
      bestScore = score;
    }
  }
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  return best && bestScore <= limit ? best : undefined;
}

/** The closest of some values (for enum suggestions), case-insensitive matches first. */
export function nearest(value: string, options: readonly string[]): string | undefined {
  const ci = options.find((o) => o.toLowerCase() === value.toLowerCase());
  if (ci) return ci;
  let best: string | undefined;
  let bestScore = Number.MAX_SAFE_INTEGER;
  for (const o of options) {
    const s = editDistance(value.toLowerCase(), o.toLowerCase());
    if (s < bestScore) {
      best = o;
      bestScore = s;
    }
  }
  return best && bestScore <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}
