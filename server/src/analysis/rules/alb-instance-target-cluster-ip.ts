import type { Fix, Span } from '../model/types';
import { paramsString, resolveClass } from '../xref/classes';
import { addAnnotation, ChunkEdit, setServiceType } from '../xref/edits';
import { ALB, annotation, ingressFacts } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { knownNamespace } from '../xref/namespaces';
import { resolveService } from '../xref/resolve';
import type { ServiceInfo } from '../xref/services';
import type { KObject } from '../workspace/fileModel';
import { getIn, getPair, asMap, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

const TARGET_TYPE = `${ALB}target-type`;

/** An edit in another file, with the text it expects to find (so a stale fix is dropped). */
interface RemoteEdit {
  readonly uri: string;
  readonly span: Span;
  readonly expect: string;
  readonly newText: string;
}

interface Payload {
  readonly service: string;
  /** Chunk-relative edit in the Ingress setting target-type ip. */
  readonly ingressEdit?: ChunkEdit;
  /** Edit of the Service's own target-type annotation (when it sets instance). */
  readonly serviceTargetType?: RemoteEdit;
  readonly serviceType?: RemoteEdit;
}

export const rule: ObjectRule = {
  id: 'alb-instance-target-cluster-ip',
  title: 'Instance targets need a NodePort or LoadBalancer Service',
  description: 'An ALB Ingress backend that uses `instance` targets (the default) routes to a Service of type ClusterIP, which has no node port to register.',
  remediation: 'Use IP targets (`alb.ingress.kubernetes.io/target-type: ip`, needs the VPC CNI) or make the Service `type: NodePort`.',
  severity: 'error',
  kinds: ['Ingress'],
  scope: 'workspace',
  // Services of the namespace and cluster-scoped classes: cacheable; the fix's edits in the
  // Service's file are computed when the finding is reported (data below is a function).
  locality: 'namespace',
  docs: {
    why: 'With `instance` targets the AWS Load Balancer Controller registers the worker nodes on the Service\'s node port. A ClusterIP Service has none, so the controller fails to build the target group: "TargetGroup port is empty. When using Instance targets, your service must be of type \'NodePort\' or \'LoadBalancer\'". The target type comes from IngressClassParams `spec.targetType` (which wins), else the backend Service\'s `alb.ingress.kubernetes.io/target-type` annotation, else the Ingress\'s, else `instance`. When the class references IngressClassParams that are not in the workspace the target type is unknown and nothing is reported.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/target-type: ip\nspec:\n  ingressClassName: alb\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const ns = knownNamespace(index, obj);
    const cls = resolveClass(index, obj);
    if (!ns || !cls.isAlb || cls.paramsUnknown) return;
    const fromParams = cls.params ? paramsString(cls.params, ['targetType']) : undefined;
    if (fromParams) {
      if (fromParams !== 'instance') return;
    }
    const facts = ingressFacts(obj);
    const onIngress = annotation(facts, TARGET_TYPE);
    for (const b of facts.backends) {
      if (b.useAnnotation) continue;
      const r = resolveService(index, ns, b.serviceName, obj.file.uri);
      if (r.status !== 'found') continue;
      const svc = r.targets[0]!;
      if (r.targets.some((s) => s.type !== 'ClusterIP')) continue;
      const onService = svc.annotations.get(TARGET_TYPE);
      let why: string;
      if (fromParams) why = `IngressClassParams "${cls.paramsName}" sets targetType: instance`;
      else if (onService !== undefined) {
        if (onService !== 'instance') continue;
        why = `Service "${svc.name}" sets ${TARGET_TYPE}: instance (it overrides the Ingress)`;
      } else if (onIngress) {
        if (onIngress.value !== 'instance') continue;
        why = `this Ingress sets target-type: instance`;
      } else why = 'instance is the default target type and none is set';
      const payload = (): Payload => ({
        service: svc.name,
        ...(fromParams ? {} : onService !== undefined ? { serviceTargetType: serviceAnnotationEdit(svc) } : { ingressEdit: onIngress?.valueSpan ? { span: onIngress.valueSpan, newText: 'ip' } : addAnnotation(obj, TARGET_TYPE, 'ip') }),
        serviceType: remote(svc.obj, setServiceType(svc.obj, 'NodePort')),
      });
      report({
        span: b.nameSpan,
        message: `Service "${svc.name}" is type ClusterIP, but ${why}; with instance targets the controller fails: "TargetGroup port is empty. When using Instance targets, your service must be of type 'NodePort' or 'LoadBalancer'". Use target-type ip or make the Service type NodePort.`,
        related: [{ obj: svc.obj, span: svc.typeSpan ?? svc.obj.model.nameSpan ?? svc.obj.model.kindSpan, message: `Service ${svc.name} (ClusterIP)` }],
        data: payload,
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.service) return [];
    const fixes: Fix[] = [];
    if (p.ingressEdit) fixes.push(ctx.fix(`Use IP targets (alb.ingress.kubernetes.io/target-type: ip)`, [ctx.edit(p.ingressEdit.span, p.ingressEdit.newText)], true));
    const remoteFix = (title: string, e: RemoteEdit | undefined, preferred: boolean) => {
      if (!e || ctx.fileOf?.(e.uri)?.text.slice(e.span.start, e.span.end) !== e.expect) return;
      fixes.push({ title, edits: [{ uri: e.uri, edits: [{ span: e.span, newText: e.newText }] }], ...(preferred ? { isPreferred: true } : {}) });
    };
    remoteFix(`Use IP targets on Service "${p.service}" (target-type: ip)`, p.serviceTargetType, true);
    remoteFix(`Make Service "${p.service}" type NodePort`, p.serviceType, false);
    return fixes;
  },
};

function remote(obj: KObject, e: ChunkEdit | undefined): RemoteEdit | undefined {
  if (!e) return undefined;
  const span = { start: obj.base + e.span.start, end: obj.base + e.span.end };
  return { uri: obj.file.uri, span, expect: obj.file.text.slice(span.start, span.end), newText: e.newText };
}

function serviceAnnotationEdit(svc: ServiceInfo): RemoteEdit | undefined {
  const { root, anchors } = svc.obj.model;
  const value = spanOf(getPair(asMap(getIn(root, ['metadata', 'annotations'], anchors), anchors), TARGET_TYPE)?.value);
  return value ? remote(svc.obj, { span: value, newText: 'ip' }) : undefined;
}
