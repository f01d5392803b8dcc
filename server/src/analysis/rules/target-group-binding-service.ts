import type { Span } from '../model/types';
import { scalarLike } from '../xref/edits';
import { isPartial } from '../xref/kustomize';
import { knownNamespace } from '../xref/namespaces';
import { nearMisses, quoteList } from '../xref/names';
import { resolveService } from '../xref/resolve';
import { describePort, findServicePort } from '../xref/services';
import { tgbFacts } from '../xref/targetGroupBindings';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly value: string;
}

export const rule: ObjectRule = {
  id: 'target-group-binding-service',
  title: 'TargetGroupBinding serviceRef not found',
  description: 'A TargetGroupBinding\'s `spec.serviceRef` names a Service that does not exist in its namespace (while others do), or a port that the Service does not define.',
  remediation: 'Point `serviceRef.name` at a Service of the same namespace and `serviceRef.port` at one of its ports (number or name).',
  severity: 'error',
  kinds: ['TargetGroupBinding'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'The AWS Load Balancer Controller registers the endpoints of `serviceRef` (a Service in the TargetGroupBinding\'s namespace, port matched by Service port number or name) into the target group. With a wrong name or port the binding fails to reconcile and the target group stays empty, so the load balancer has no healthy targets. A Service missing from a namespace where the workspace defines no Service at all is reported by `reference-not-in-workspace` instead.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n---\napiVersion: elbv2.k8s.aws/v1beta1\nkind: TargetGroupBinding\nmetadata:\n  name: web\nspec:\n  serviceRef:\n    name: web\n    port: 8080\n  targetGroupARN: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n---\napiVersion: elbv2.k8s.aws/v1beta1\nkind: TargetGroupBinding\nmetadata:\n  name: web\nspec:\n  serviceRef:\n    name: web\n    port: 80\n  targetGroupARN: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const ns = knownNamespace(index, obj);
    const f = tgbFacts(obj);
    if (!ns || !f.serviceName || !f.nameSpan) return;
    const r = resolveService(index, ns, f.serviceName, obj.file.uri);
    if (r.status === 'missing') {
      const near = r.candidates[0];
      report({
        span: f.nameSpan,
        message: `Service "${f.serviceName}" does not exist in namespace "${ns}"; the target group gets no targets.${r.candidates.length ? ` Did you mean ${quoteList(r.candidates)}?` : ''}`,
        ...(near ? { data: { span: f.nameSpan, value: near, text: scalarLike(obj.chunk.text.slice(f.nameSpan.start, f.nameSpan.end), near) } satisfies Payload } : {}),
      });
      return;
    }
    if (r.status !== 'found' || f.port === undefined || !f.portSpan || (typeof f.port === 'string' && /[{$]/.test(f.port))) return;
    if (r.targets.some((s) => findServicePort(s, f.port!))) return;
    const ports = r.targets[0]!.ports;
    const suggestion = typeof f.port === 'string'
      ? nearMisses(f.port, ports.map((p) => p.name).filter((n): n is string => !!n))[0]
      : ports.length === 1 && ports[0]!.port !== undefined ? String(ports[0]!.port) : ports.find((p) => p.targetPort === f.port)?.port?.toString();
    report({
      span: f.portSpan,
      message: `Service "${f.serviceName}" has no port ${typeof f.port === 'number' ? f.port : `named "${f.port}"`}; its ports: ${ports.map(describePort).join(', ') || 'none'}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      ...(suggestion ? { data: { span: f.portSpan, value: suggestion, text: /^\d+$/.test(suggestion) ? suggestion : scalarLike(obj.chunk.text.slice(f.portSpan.start, f.portSpan.end), suggestion) } satisfies Payload } : {}),
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change to ${p.value}`, [ctx.edit(p.span, p.text)], true)];
  },
};
