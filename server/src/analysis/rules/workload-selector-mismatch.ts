import type { Span } from '../model/types';
import { parseLabelSelector, parseMapSelector, Requirement } from '../kube/selectors';
import { firstKeySpan, scalarLike, unquote } from '../xref/edits';
import { describeRequirement, explainMiss } from '../xref/explain';
import { kustomizeModel } from '../xref/kustomize';
import { workloadOf } from '../xref/workloads';
import { asMap, getPair, isTemplated, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly value: string;
}

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'Rollout'];

export const rule: ObjectRule = {
  id: 'workload-selector-mismatch',
  title: 'Workload selector does not match its pod template',
  description: 'The `spec.selector` of a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or Rollout must match the labels of its own pod template; the API server rejects the object otherwise.',
  remediation: 'Make every `spec.selector` requirement hold for `spec.template.metadata.labels` (the finding names the label that differs).',
  severity: 'error',
  kinds: KINDS,
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'The API server validates that a workload\'s selector selects its own template ("`selector` does not match template `labels`") and refuses to create it. Labels that kustomize adds to both selector and template (`commonLabels`, `labels` with `includeSelectors`) are taken into account; `labels` with only `includeTemplates` are added to the template alone.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
  },
  check({ obj, index, report }) {
    const w = workloadOf(index, obj);
    if (!w) return;
    const { root, anchors } = obj.model;
    const pair = getPair(asMap(getPair(root, 'spec')?.value, anchors), 'selector');
    if (!pair) return;
    const own = obj.model.kind === 'ReplicationController' ? parseMapSelector(pair, anchors) : parseLabelSelector(pair, anchors);
    if (!own || own.unknown || own.empty) return;
    const added = kustomizeModel(index).effect(obj.file.uri).selectorLabels;
    const requirements: Requirement[] = [...own.requirements.filter((r) => !added.has(r.key))];
    for (const [key, value] of added) requirements.push({ key, operator: 'In', values: [value], keySpan: undefined, valueSpan: undefined });
    // The API checks the template's own labels; controller-added labels do not exist yet.
    const wildcards = new Set([...w.labels].filter(([k, v]) => isTemplated(k) || isTemplated(v)).map(([k]) => k));
    const miss = explainMiss({ ...own, requirements }, [{ labels: w.labels, wildcards }]);
    const labelsAt = firstKeySpan(w.tpl.labelsNode);
    const related = labelsAt ? [{ obj, span: labelsAt, message: 'the pod template labels' }] : [];
    for (const f of miss.failures) {
      const r = f.req;
      const reject = `the API server rejects this ${obj.model.kind} ("selector does not match template labels")`;
      if (!r.keySpan) {
        // Added by kustomize to the selector only: cannot happen with commonLabels; report on the selector key.
        const at = spanOf(pair.key);
        if (at) report({ span: at, message: `kustomize adds ${describeRequirement(r)} to spec.selector but not to the pod template; ${reject}.`, related });
        continue;
      }
      if (f.actual !== undefined && r.valueSpan && r.operator === 'In' && r.values.length === 1) {
        report({
          span: r.valueSpan,
          message: `spec.selector requires ${describeRequirement(r)}, but the pod template has ${r.key}=${f.actual}; ${reject}. Did you mean "${f.actual}"?`,
          related,
          // A matchLabels value can be replaced; an expression's `values` list is left to the user.
            ...(unquote(obj.chunk.text.slice(r.valueSpan.start, r.valueSpan.end)) === r.values[0] ? { data: { span: r.valueSpan, value: f.actual, text: scalarLike(obj.chunk.text.slice(r.valueSpan.start, r.valueSpan.end), f.actual) } satisfies Payload } : {}),
        });
      } else {
        const has = f.actual === undefined ? `has no label "${r.key}"` : `has ${r.key}=${f.actual}`;
        report({ span: r.keySpan, message: `spec.selector requires ${describeRequirement(r)}, but the pod template ${has}; ${reject}.`, related });
      }
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change the selector value to "${p.value}" (the template's label)`, [ctx.edit(p.span, p.text)], true)];
  },
};
