/**
 * Which controller provisions the load balancer of a Service, and why — from its type, class and
 * annotations, following the AWS Load Balancer Controller's `IsServiceSupported` and the in-tree
 * provider's `isNLB` / `isLBExternal`.
 */
import type { KubeObjectModel } from './object';
import { getIn, scalarString, stringEntries, asMap } from '../yaml/nodes';

export type ServiceController =
  | { readonly by: 'aws-load-balancer-controller'; readonly lb: 'nlb'; readonly targetType: 'ip' | 'instance'; readonly reason: string }
  | { readonly by: 'in-tree'; readonly lb: 'nlb' | 'clb'; readonly reason: string }
  | { readonly by: 'nobody'; readonly reason: string }
  | { readonly by: 'other'; readonly reason: string }
  | { readonly by: 'none'; readonly reason: string };

export const LBC_CLASS = 'service.k8s.aws/nlb';
export const TYPE_KEY = 'service.beta.kubernetes.io/aws-load-balancer-type';
export const TARGET_TYPE_KEY = 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type';

export function annotationsOf(m: KubeObjectModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of stringEntries(asMap(getIn(m.root, ['metadata', 'annotations'], m.anchors), m.anchors), m.anchors)) out.set(e.key, e.value ?? '');
  return out;
}

export function serviceController(m: KubeObjectModel): ServiceController {
  const type = scalarString(getIn(m.root, ['spec', 'type'], m.anchors), m.anchors) ?? 'ClusterIP';
  const cls = scalarString(getIn(m.root, ['spec', 'loadBalancerClass'], m.anchors), m.anchors);
  const a = annotationsOf(m);
  const lbType = a.get(TYPE_KEY);
  const target = a.get(TARGET_TYPE_KEY);
  if (type !== 'LoadBalancer') return { by: 'none', reason: `the Service is of type ${type}, so no load balancer is created for it` };
  if (cls !== undefined && cls !== LBC_CLASS) return { by: 'other', reason: `spec.loadBalancerClass is "${cls}", which neither the AWS Load Balancer Controller (${LBC_CLASS}) nor the in-tree provider handles` };
  const targetType = target === 'ip' || target === 'instance' ? target : undefined;
  if (cls === LBC_CLASS) return { by: 'aws-load-balancer-controller', lb: 'nlb', targetType: lbType === 'nlb-ip' ? 'ip' : (targetType ?? 'instance'), reason: `spec.loadBalancerClass is ${LBC_CLASS}` };
  if (lbType === 'nlb-ip') return { by: 'aws-load-balancer-controller', lb: 'nlb', targetType: 'ip', reason: `${TYPE_KEY} is "nlb-ip" (deprecated spelling of external + ip targets)` };
  if (lbType === 'external') {
    return targetType
      ? { by: 'aws-load-balancer-controller', lb: 'nlb', targetType, reason: `${TYPE_KEY} is "external" and ${TARGET_TYPE_KEY} is "${targetType}"` }
      : { by: 'nobody', reason: `${TYPE_KEY} is "external" but ${TARGET_TYPE_KEY} is not "ip" or "instance": the in-tree provider leaves it to the AWS Load Balancer Controller, which skips it, so the Service stays pending` };
  }
  if (lbType === 'nlb') return { by: 'in-tree', lb: 'nlb', reason: `${TYPE_KEY} is "nlb", which the legacy in-tree provider handles (instance targets)` };
  return { by: 'in-tree', lb: 'clb', reason: lbType ? `${TYPE_KEY} is "${lbType}", which the in-tree provider treats as a Classic Load Balancer` : 'no loadBalancerClass and no aws-load-balancer-type annotation: the in-tree provider creates a Classic Load Balancer' };
}

/** A note on the LBC's Service mutator webhook, which changes the picture for new Services. */
export const MUTATOR_WEBHOOK_NOTE =
  'If the AWS Load Balancer Controller v2.5+ runs with its Service mutator webhook (the Helm chart default), new `type: LoadBalancer` Services without a class get `spec.loadBalancerClass: service.k8s.aws/nlb` when created, and the controller provisions an NLB for them instead.';
