import type { Span } from '../model/types';
import { firstKeySpan, scalarLike } from '../xref/edits';
import { explainMiss, describeRequirement } from '../xref/explain';
import { quoteList, shortList } from '../xref/names';
import { patchedSelectorSite, selectorSiteOf } from '../xref/selectorSites';
import { describeWorkload, mayMatch, workloadsIn } from '../xref/workloads';
import type { ObjectRule } from './types';

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
  scope: 'workspace',
  docs: {
    why: 'A Service sends traffic to the pods whose labels match every entry of its selector, in its own namespace. When no pod template matches, the Service has no endpoints: clients get connection refused, and an ALB or NLB in front of it has no healthy targets. Namespaces are resolved like the API server does (`metadata.namespace`, a kustomization `namespace:`, else `default`), and labels that kustomize adds (`commonLabels`, `labels`) are taken into account. A kustomize patch of a Service is checked after being merged onto the Service it patches.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: webb\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
  },
  check({ obj, index, report }) {
    const site = selectorSiteOf(index, obj) ?? patchedSelectorSite(index, obj);
    if (!site || site.selector.unknown || site.selector.empty) return;
    const workloads = workloadsIn(index, site.namespace);
    if (!workloads.length) return; // reference-not-in-workspace
    if (workloads.some((w) => mayMatch(site.selector, w))) return;
    const miss = explainMiss(site.selector, workloads);
    const subject = site.patchOf
      ? `After the kustomize patch is applied to Service "${site.name}", its selector`
      : `Service "${site.name}" selects no pod: its selector`;
    const what = `${subject} (${site.selector.requirements.map(describeRequirement).join(', ')}) matches no pod template in namespace "${site.namespace}"`;
    const closest = miss.closest;
    const related = closest?.tpl.labelsNode ? [{ obj: closest.obj, span: firstKeySpan(closest.tpl.labelsNode) ?? closest.obj.model.kindSpan, message: `closest pod template: ${describeWorkload(closest)}` }] : [];
    let reported = false;
    if (closest && miss.met > 0) {
      for (const f of miss.failures) {
        const r = f.req;
        const added = !r.keySpan;
        if (f.actual !== undefined && r.valueSpan && r.operator === 'In' && r.values.length === 1) {
          report({
            span: r.valueSpan,
            message: `${what}. ${describeWorkload(closest)} has every other label but ${r.key}=${f.actual}, not "${r.values[0]}". Did you mean "${f.actual}"?`,
            related,
            data: { span: r.valueSpan, value: f.actual, text: scalarLike(obj.chunk.text.slice(r.valueSpan.start, r.valueSpan.end), f.actual) } satisfies Payload,
          });
          reported = true;
        } else if (!added && r.keySpan) {
          const has = f.actual === undefined ? `has no label "${r.key}"` : `has ${r.key}=${f.actual}`;
          report({ span: r.keySpan, message: `${what}. The closest, ${describeWorkload(closest)}, ${has}; ${describeRequirement(r)} is what no pod template satisfies.`, related });
          reported = true;
        }
      }
    }
    if (reported) return;
    const names = workloads.map(describeWorkload);
    const addedNote = site.added.size ? ` (kustomize adds ${[...site.added].map(([k, v]) => `${k}=${v}`).join(', ')} to it)` : '';
    report({
      span: site.keySpan,
      message: `${what}${addedNote}. Pod templates there: ${shortList(names)}. Make the selector match the labels of the pods the Service should reach.`,
      related,
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change the selector value to ${quoteList([p.value])}`, [ctx.edit(p.span, p.text)], true)];
  },
};

