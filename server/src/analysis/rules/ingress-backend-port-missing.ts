import type { Span } from '../model/types';
import { scalarLike } from '../xref/edits';
import { ingressFacts } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { knownNamespace } from '../xref/namespaces';
import { nearMisses } from '../xref/names';
import { resolveService } from '../xref/resolve';
import { describePort, findServicePort } from '../xref/services';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly value: string;
}

export const rule: ObjectRule = {
  id: 'ingress-backend-port-missing',
  title: 'Ingress backend port not found on the Service',
  description: 'An Ingress backend names a Service port (by `port.name` or `port.number`) that the Service does not define.',
  remediation: 'Use one of the Service\'s ports (the finding lists them), or add the port to the Service.',
  severity: 'error',
  kinds: ['Ingress'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'A backend port is matched against the Service\'s `spec.ports[].name` or `spec.ports[].port` (not the container port). When it matches none, the AWS Load Balancer Controller cannot build the target group and fails to reconcile the IngressGroup ("unable to find port"), and other controllers route nothing.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 8080\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const ns = knownNamespace(index, obj);
    if (!ns) return;
    for (const b of ingressFacts(obj).backends) {
      if (b.useAnnotation || b.port === undefined || (typeof b.port === 'string' && /[{$]/.test(b.port))) continue;
      const r = resolveService(index, ns, b.serviceName, obj.file.uri);
      if (r.status !== 'found') continue;
      if (r.targets.some((s) => !s.ports.length || findServicePort(s, b.port!))) continue; // no ports: a partial snippet
      const svc = r.targets[0]!;
      const ports = svc.ports;
      const list = ports.length ? ports.map(describePort).join(', ') : 'none';
      let suggestion: string | undefined;
      if (typeof b.port === 'string') suggestion = nearMisses(b.port, ports.map((p) => p.name).filter((n): n is string => !!n))[0];
      else if (ports.length === 1 && ports[0]!.port !== undefined) suggestion = String(ports[0]!.port);
      else {
        // A container port written where the Service port belongs: suggest the Service port that forwards to it.
        const via = ports.find((p) => p.targetPort === b.port);
        if (via?.port !== undefined) suggestion = String(via.port);
      }
      const kind = typeof b.port === 'number' ? 'port number' : 'port name';
      const span = b.portSpan ?? b.nameSpan;
      const tp = typeof b.port === 'number' && ports.some((p) => p.targetPort === b.port) ? ` (${b.port} is a targetPort; backends name the Service port)` : '';
      const fixable = suggestion !== undefined && !!b.portSpan && (typeof b.port === 'string') === !/^\d+$/.test(suggestion);
      report({
        span,
        message: `Service "${b.serviceName}" has no ${kind} ${typeof b.port === 'number' ? b.port : `"${b.port}"`}${tp}; its ports: ${list}.${suggestion !== undefined ? ` Did you mean ${suggestion}?` : ''}`,
        ...(fixable ? { data: { span, value: suggestion!, text: typeof b.port === 'number' ? suggestion! : scalarLike(obj.chunk.text.slice(span.start, span.end), suggestion!) } satisfies Payload } : {}),
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change the backend port to ${p.value}`, [ctx.edit(p.span, p.text)], true)];
  },
};
