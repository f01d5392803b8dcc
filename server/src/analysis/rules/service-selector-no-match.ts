import type { Span } from '../model/types';
import { firstKeySpan, scalarLike, unquote } from '../xref/edits';
import { describeRequirement } from '../xref/explain';
import { nearMisses, quoteList } from '../xref/names';
import { selectorVerdict } from '../xref/selectorVerdict';
import { patchedSelectorSite, selectorSiteOf } from '../xref/selectorSites';
import { describeWorkload } from '../xref/workloads';
import type { ObjectRule } from './types';
import { READS_WORKLOADS } from './support/workloadScope';

interface Payload {
  readonly span: Span;
  readonly value: string;
  readonly text: string;
}

export const rule: ObjectRule = {
  id: 'service-selector-no-match',
  title: 'Service selector matches no pod template',
  description: 'A Service whose `spec.selector` matches no pod template (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout, ...) in its namespace has no endpoints: every request to it fails.',
  remediation: 'Make the selector match the labels of the pod template it should send traffic to (the finding names the closest one), or fix the template labels.',
  severity: 'warning',
  kinds: ['Service'],
  ...READS_WORKLOADS,
  docs: {
    why: 'A Service sends traffic to the pods whose labels match every entry of its selector, in its own namespace. When no pod template matches, the Service has no endpoints: clients get connection refused, and an ALB or NLB in front of it has no healthy targets. Namespaces are resolved like the API server does (`metadata.namespace`, a kustomization `namespace:`, else `default`), and labels that kustomize adds (`commonLabels`, `labels`) are taken into account. A kustomize patch of a Service is checked after being merged onto the Service it patches.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: webb\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
  },
  check({ obj, index, report }) {
    const site = selectorSiteOf(index, obj) ?? patchedSelectorSite(index, obj);
    if (!site) return;
    const verdict = selectorVerdict(index, site);
    const subject = site.patchOf
      ? `After the kustomize patch is applied to Service "${site.name}", its selector`
      : `Service "${site.name}" selects no pod: its selector`;
    const what = `${subject} (${site.selector.requirements.map(describeRequirement).join(', ')}) matches no pod template in namespace "${site.namespace}"`;
    if (verdict.kind === 'other-namespace') {
      const other = verdict.workload;
      report({
        span: site.keySpan,
        message: `${what}. ${describeWorkload(other)} in namespace "${other.namespace}" matches, but a Service only selects pods of its own namespace: move the Service to "${other.namespace}" (or the workload here).`,
        related: [{ obj: other.obj, span: firstKeySpan(other.tpl.labelsNode) ?? other.obj.model.kindSpan, message: `${describeWorkload(other)} (namespace ${other.namespace})` }],
      });
      return;
    }
    if (verdict.kind !== 'near') return; // matches, or nothing resembles it: reference-not-in-workspace
    const { miss } = verdict;
    const closest = miss.closest!;
    const related = closest.tpl.labelsNode ? [{ obj: closest.obj, span: firstKeySpan(closest.tpl.labelsNode) ?? closest.obj.model.kindSpan, message: `closest pod template: ${describeWorkload(closest)}` }] : [];
    let reported = false;
    for (const f of miss.failures) {
      const r = f.req;
      if (f.actual !== undefined && r.valueSpan && r.operator === 'In' && r.values.length === 1 && nearMisses(r.values[0]!, [f.actual]).length) {
        report({
          span: r.valueSpan,
          message: `${what}. The closest, ${describeWorkload(closest)}, has ${r.key}=${f.actual}, not "${r.values[0]}". Did you mean "${f.actual}"?`,
          related,
          // A matchLabels value can be replaced; an expression's `values` list is left to the user.
          ...(unquote(obj.chunk.text.slice(r.valueSpan.start, r.valueSpan.end)) === r.values[0] ? { data: { span: r.valueSpan, value: f.actual, text: scalarLike(obj.chunk.text.slice(r.valueSpan.start, r.valueSpan.end), f.actual) } satisfies Payload } : {}),
        });
        reported = true;
      } else if (r.keySpan) {
        const has = f.actual === undefined ? `has no label "${r.key}"` : `has ${r.key}=${f.actual}`;
        report({ span: r.keySpan, message: `${what}. The closest, ${describeWorkload(closest)}, ${has}; ${describeRequirement(r)} is what no pod template satisfies.`, related });
        reported = true;
      }
    }
    if (reported) return;
    const addedNote = site.added.size ? ` (kustomize adds ${[...site.added].map(([k, v]) => `${k}=${v}`).join(', ')} to it)` : '';
    report({
      span: site.keySpan,
      message: `${what}${addedNote}. The closest pod template is ${describeWorkload(closest)}. Make the selector match the labels of the pods the Service should reach.`,
      related,
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change the selector value to ${quoteList([p.value])}`, [ctx.edit(p.span, p.text)], true)];
  },
};

