/**
 * Hover on a Service's `kind`, `spec.type`, `spec.loadBalancerClass` or (for LoadBalancer
 * Services) its name: which controller provisions its load balancer, and why.
 */
import { MUTATOR_WEBHOOK_NOTE, serviceController } from '../../kube/serviceController';
import type { KubeObjectModel } from '../../kube/object';
import type { HoverProvider } from '../types';

export const serviceControllerHover: HoverProvider = ({ loc }) => {
  if (!loc || loc.obj.model.kind !== 'Service' || !loc.span) return undefined;
  const p = loc.path.join('.');
  const m = loc.obj.model;
  const isLb = serviceController(m).by !== 'none';
  const onValue = !loc.onKey;
  const hit = (p === 'kind' && onValue) || p === 'spec.type' || p === 'spec.loadBalancerClass' || (p === 'metadata.name' && onValue && isLb);
  if (!hit) return undefined;
  return { markdown: serviceControllerMarkdown(m), span: { start: loc.obj.base + loc.span.start, end: loc.obj.base + loc.span.end } };
};

/** Markdown: the controller of a Service's load balancer, the reason, and the webhook caveat. */
export function serviceControllerMarkdown(m: KubeObjectModel): string {
  const c = serviceController(m);
  const name = m.name ? ` \`${m.name}\`` : '';
  let head: string;
  switch (c.by) {
    case 'aws-load-balancer-controller':
      head = `**Service${name}: Network Load Balancer by the AWS Load Balancer Controller**, \`${c.targetType}\` targets (${c.targetType === 'ip' ? 'traffic goes straight to pod IPs' : 'traffic goes to a NodePort on the nodes, then to the pods'})`;
      break;
    case 'in-tree':
      head = `**Service${name}: ${c.lb === 'nlb' ? 'Network Load Balancer' : 'Classic Load Balancer'} by the in-tree AWS cloud provider** (legacy; instance targets through the NodePort)`;
      break;
    case 'nobody':
      head = `**Service${name}: no controller provisions a load balancer** (it stays \`<pending>\`)`;
      break;
    case 'other':
      head = `**Service${name}: left to another load balancer controller**`;
      break;
    default:
      head = `**Service${name}: no load balancer**`;
  }
  const parts = [head, '', `Why: ${c.reason}.`];
  if (c.by === 'in-tree' || c.by === 'nobody') parts.push('', `*Note:* ${MUTATOR_WEBHOOK_NOTE}`);
  if (c.by === 'in-tree') parts.push('', 'To use the AWS Load Balancer Controller, set `spec.loadBalancerClass: service.k8s.aws/nlb` (or the annotations `service.beta.kubernetes.io/aws-load-balancer-type: external` and `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip`).');
  return parts.join('\n');
}
