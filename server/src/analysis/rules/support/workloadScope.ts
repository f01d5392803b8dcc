/**
 * Where rules that match selectors against workloads get their inputs: the checked object's
 * namespace, plus workloads of every other namespace (a selector that matches only elsewhere is
 * worth a hint), so they are re-run when any workload changes.
 */
import { WORKLOAD_KINDS } from '../../xref/workloads';
import type { ObjectRule } from '../types';

export const READS_WORKLOADS: Pick<ObjectRule, 'scope' | 'locality' | 'reads'> = {
  scope: 'workspace',
  locality: 'namespace',
  reads: WORKLOAD_KINDS,
};
