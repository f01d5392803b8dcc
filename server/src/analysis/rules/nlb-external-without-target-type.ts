import { TARGET_TYPE_KEY, TYPE_KEY } from '../kube/serviceController';
import type { Span } from '../model/types';
import { insertAfter, ownAnnotations } from './support/annotations';
import { serviceControllerOf } from './support/services';
import type { ObjectRule } from './types';
import { isPartial } from '../xref/kustomize';

interface Payload {
  readonly at: Span;
  readonly indentText: readonly [string, string];
}

export const rule: ObjectRule = {
  id: 'nlb-external-without-target-type',
  title: '`aws-load-balancer-type: external` without `nlb-target-type`',
  description: 'A `type: LoadBalancer` Service with `aws-load-balancer-type: external`, no `spec.loadBalancerClass` and no `aws-load-balancer-nlb-target-type` is handled by neither controller.',
  remediation: 'Add `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip` (or `instance`).',
  severity: 'warning',
  kinds: ['Service'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'The in-tree provider leaves `external` Services to the AWS Load Balancer Controller, and the controller only takes them when `nlb-target-type` is `ip` or `instance`. Without it the Service stays `<pending>` forever and no event explains why. Only the controller\'s Service mutator webhook (which sets `spec.loadBalancerClass` on new Services) would rescue it, so say what you mean.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return; // a kustomize patch: the rest of the object is elsewhere
    const c = serviceControllerOf(obj);
    if (c.by !== 'nobody') return;
    const own = ownAnnotations(obj);
    const type = own.get(TYPE_KEY);
    if (!type || own.has(TARGET_TYPE_KEY) || type.templated) return;
    const ip = insertAfter(obj.chunk.text, type, TARGET_TYPE_KEY, 'ip');
    report({
      span: type.keySpan,
      message: `"${TYPE_KEY}: external" without "${TARGET_TYPE_KEY}": the in-tree provider leaves this Service to the AWS Load Balancer Controller, which only takes it when the target type is "ip" or "instance", so the Service stays <pending> (unless the controller's mutator webhook set spec.loadBalancerClass when it was created). Add "${TARGET_TYPE_KEY}: ip" (pod IPs) or "instance" (NodePorts).`,
      ...(ip ? { data: { at: ip.span, indentText: [ip.text, ip.text.replace('"ip"', '"instance"')] } satisfies Payload } : {}),
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.at || !Array.isArray(p.indentText)) return [];
    return [
      ctx.fix(`Add ${TARGET_TYPE_KEY}: ip`, [ctx.edit(p.at, p.indentText[0])], true),
      ctx.fix(`Add ${TARGET_TYPE_KEY}: instance`, [ctx.edit(p.at, p.indentText[1])]),
    ];
  },
};
