import { MUTATOR_WEBHOOK_NOTE, TARGET_TYPE_KEY, TYPE_KEY } from '../kube/serviceController';
import type { Span } from '../model/types';
import { insertAfter, ownAnnotations, replaceValue } from './support/annotations';
import { serviceControllerOf } from './support/services';
import type { ObjectRule } from './types';

interface Payload {
  readonly edits: readonly { readonly span: Span; readonly text: string }[];
  readonly title: string;
}

export const rule: ObjectRule = {
  id: 'nlb-in-tree-with-controller-keys',
  title: 'In-tree NLB (`aws-load-balancer-type: nlb`) with AWS Load Balancer Controller annotations',
  description: 'A Service with `aws-load-balancer-type: nlb` is provisioned by the legacy in-tree provider, which ignores annotations only the AWS Load Balancer Controller reads (scheme, nlb-target-type, attributes, security groups, target-group attributes, …).',
  remediation: 'Use `aws-load-balancer-type: external` with `aws-load-balancer-nlb-target-type` (or `spec.loadBalancerClass: service.k8s.aws/nlb`) on a new Service; changing the type of an existing Service recreates its load balancer.',
  severity: 'warning',
  kinds: ['Service'],
  scope: 'object',
  docs: {
    why: 'The in-tree cloud provider builds an NLB with instance targets for `nlb` and knows nothing about the controller\'s annotations: security groups are not attached, attributes and the scheme key are ignored, and nothing is logged. (If the controller\'s Service mutator webhook gave the Service a `loadBalancerClass` when it was created, the controller handles it instead; the manifest does not show that.)',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  },
  check({ obj, report }) {
    const c = serviceControllerOf(obj);
    if (c.by !== 'in-tree' || c.lb !== 'nlb') return;
    const own = ownAnnotations(obj);
    const type = own.get(TYPE_KEY);
    if (!type?.scalar || !type.valueSpan) return;
    const lbcOnly = [...own.values()].filter((e) => e.spec && e.spec.reader === 'aws-load-balancer-controller' && e.spec.kinds.includes('Service') && e.key.startsWith('service.beta.kubernetes.io/aws-load-balancer-'));
    if (lbcOnly.length === 0) return;
    const text = obj.chunk.text;
    let end = type.valueSpan.end;
    while (end > type.valueSpan.start && /\s/.test(text[end - 1] as string)) end--;
    const span = { start: type.valueSpan.start, end };
    const tt = own.get(TARGET_TYPE_KEY);
    const edits: { span: Span; text: string }[] = [replaceValue({ scalar: type.scalar, valueSpan: span }, 'external', '')];
    if (!tt) {
      const ins = insertAfter(text, type, TARGET_TYPE_KEY, 'instance');
      if (ins) edits.push(ins);
    }
    const names = lbcOnly.map((e) => e.key.replace('service.beta.kubernetes.io/aws-load-balancer-', '…-'));
    report({
      span,
      message: `With "${TYPE_KEY}: nlb" the legacy in-tree provider builds this NLB and ignores ${lbcOnly.length === 1 ? 'the annotation' : `${lbcOnly.length} annotations`} only the AWS Load Balancer Controller reads (${names.join(', ')}). Use "external" with "${TARGET_TYPE_KEY}" so the controller handles it (changing the type of an existing Service replaces its load balancer). ${MUTATOR_WEBHOOK_NOTE.replace(/`/g, '')}`,
      related: lbcOnly.map((e) => ({ obj, span: e.keySpan, message: 'ignored by the in-tree provider' })),
      data: { edits, title: `Switch to "external" with ${TARGET_TYPE_KEY}${tt ? '' : ': instance'}` } satisfies Payload,
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.edits?.length) return [];
    return [ctx.fix(p.title, p.edits.map((e) => ctx.edit(e.span, e.text)), true)];
  },
};
