/**
 * Why a selector selects nothing: the workload that came closest (most requirements met) and the
 * requirements it fails, with the value it has instead. Messages and quick fixes are built on it.
 */
import { describeRequirement as describeRequirementText, matchesRequirement, Requirement, Selector } from '../kube/selectors';
import type { PodLabels } from './workloads';

export interface Failure {
  readonly req: Requirement;
  /** The closest workload's value for the key, when it has the key. */
  readonly actual: string | undefined;
}

export interface Miss<W> {
  readonly closest: W | undefined;
  readonly failures: readonly Failure[];
  /** How many requirements the closest workload meets. */
  readonly met: number;
}

export function explainMiss<W extends PodLabels>(selector: Selector, workloads: readonly W[]): Miss<W> {
  let best: Miss<W> = { closest: undefined, failures: selector.requirements.map((req) => ({ req, actual: undefined })), met: -1 };
  for (const w of workloads) {
    const failures: Failure[] = [];
    for (const req of selector.requirements) {
      const ok = w.wildcards.has(req.key) ? req.operator !== 'DoesNotExist' : matchesRequirement(req, w.labels);
      if (!ok) failures.push({ req, actual: w.labels.get(req.key) });
    }
    const met = selector.requirements.length - failures.length;
    // Prefer more requirements met, then a failure on a value (same key, other value) over a missing key.
    const sameKey = failures.filter((f) => f.actual !== undefined).length;
    const bestSameKey = best.failures.filter((f) => f.actual !== undefined).length;
    if (met > best.met || (met === best.met && sameKey > bestSameKey)) best = { closest: w, failures, met };
  }
  return best;
}

/** `app=web`, `tier in (a, b)`, `!canary`: one requirement as it reads in a message. */
export function describeRequirement(r: Requirement): string {
  return describeRequirementText(r, ' (exists)');
}
