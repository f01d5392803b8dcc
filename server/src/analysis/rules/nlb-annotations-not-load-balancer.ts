import { ownAnnotations } from './support/annotations';
import { serviceType } from './support/services';
import type { ObjectRule } from './types';
import { isPartial } from '../xref/kustomize';
import { getIn } from '../yaml/nodes';
import { spanOf } from '../yaml/nodes';

export const rule: ObjectRule = {
  id: 'nlb-annotations-not-load-balancer',
  title: 'Load balancer annotations on a Service that is not `type: LoadBalancer`',
  description: '`service.beta.kubernetes.io/aws-load-balancer-*` annotations only configure the load balancer of a `type: LoadBalancer` Service; on a ClusterIP or NodePort Service nothing reads them.',
  remediation: 'Set `spec.type: LoadBalancer` if the Service should get an NLB/CLB, or remove the annotations.',
  severity: 'warning',
  kinds: ['Service'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'Neither the AWS Load Balancer Controller nor the in-tree provider creates a load balancer for Services of other types, so these annotations are dead configuration: usually the `type: LoadBalancer` line was forgotten, and nobody gets an error. (ALB target-group keys such as `alb.ingress.kubernetes.io/healthcheck-path` on an Ingress backend are fine and not reported.)',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return; // a kustomize patch: the rest of the object is elsewhere
    if (!getIn(obj.model.root, ['spec'], obj.model.anchors)) return; // no spec: an overlay fragment, not a whole Service
    const type = serviceType(obj);
    if (type === undefined || type === 'LoadBalancer') return;
    const keys = [...ownAnnotations(obj).values()].filter((e) => e.spec && e.spec.kinds.includes('Service') && (e.key.startsWith('service.beta.kubernetes.io/aws-load-balancer-') || e.key === 'service.beta.kubernetes.io/load-balancer-source-ranges'));
    if (keys.length === 0) return;
    const typeNode = getIn(obj.model.root, ['spec', 'type'], obj.model.anchors);
    const span = spanOf(typeNode) ?? obj.model.kindSpan;
    report({
      span,
      message: `This Service is of type ${type}, so no load balancer is created for it and its ${keys.length === 1 ? 'annotation' : `${keys.length} load balancer annotations`} (${keys.map((k) => k.key.replace('service.beta.kubernetes.io/', '')).join(', ')}) ${keys.length === 1 ? 'has' : 'have'} no effect. Set "spec.type: LoadBalancer" or remove them.`,
      related: keys.map((k) => ({ obj, span: k.keySpan, message: 'ignored' })),
    });
  },
};
