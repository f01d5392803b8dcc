import type { Span } from '../model/types';
import { scalarLike } from '../xref/edits';
import { nearMisses, quoteList, shortList } from '../xref/names';
import { selectedWorkloads, selectorSiteOf } from '../xref/selectorSites';
import { serviceInfo } from '../xref/services';
import { describeWorkload } from '../xref/workloads';
import { spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly value: string;
}

export const rule: ObjectRule = {
  id: 'service-target-port-unknown',
  title: 'Service targetPort names no container port',
  description: 'A Service port whose `targetPort` is a name that no container of the pods it selects declares in `ports[].name`: the port never resolves, so the Service has no endpoints on it.',
  remediation: 'Use a container port name declared by the selected pods (the finding lists them), a port number, or name the container port.',
  severity: 'warning',
  kinds: ['Service'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'A named `targetPort` is looked up in each selected pod\'s `containers[].ports[].name`. A pod that declares no port of that name is left out of the Service\'s endpoints for that port, so traffic (and ALB/NLB health checks) to it fail, although the selector matches. Only pods the selector really matches in the Service\'s namespace are considered.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: htp\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - name: http\n              containerPort: 8080\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - name: http\n              containerPort: 8080\n',
  },
  check({ obj, index, report }) {
    const site = selectorSiteOf(index, obj);
    if (!site || site.selector.unknown) return;
    const selected = selectedWorkloads(index, site);
    if (!selected.length) return; // service-selector-no-match
    const svc = serviceInfo(obj, site.namespace);
    for (const p of svc?.ports ?? []) {
      if (typeof p.targetPort !== 'string' || /[{$]/.test(p.targetPort)) continue;
      const span = spanOf(p.targetPortPair?.value);
      if (!span) continue;
      const name = p.targetPort;
      if (selected.some((w) => w.tpl.ports.some((cp) => cp.name === name))) continue;
      const declared = [...new Set(selected.flatMap((w) => w.tpl.ports.map((cp) => cp.name).filter((n): n is string => !!n)))];
      const near = nearMisses(name, declared);
      const pods = shortList(selected.map(describeWorkload));
      const have = declared.length ? `they declare ${quoteList(declared, 'and')}` : 'they declare no named container port';
      report({
        span,
        message: `targetPort "${name}" names no container port of the pods this Service selects (${pods}); ${have}.${near.length ? ` Did you mean "${near[0]}"?` : ' Use a port number or name the container port.'}`,
        ...(near[0] ? { data: { span, value: near[0], text: scalarLike(obj.chunk.text.slice(span.start, span.end), near[0]) } satisfies Payload } : {}),
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change targetPort to "${p.value}"`, [ctx.edit(p.span, p.text)], true)];
  },
};
