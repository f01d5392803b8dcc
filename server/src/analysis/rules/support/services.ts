/** Service facts the annotation rules share: who provisions its load balancer, its ports. */
import { isMap, isScalar } from 'yaml';
import { serviceController, ServiceController } from '../../kube/serviceController';
import type { KObject } from '../../workspace/fileModel';
import { asSeq, getIn, getPair, isTemplated, scalarString } from '../../yaml/nodes';

export function serviceControllerOf(obj: KObject): ServiceController {
  return serviceController(obj.model);
}

export interface ServicePort {
  readonly name: string | undefined;
  readonly port: string | undefined;
  readonly protocol: string;
}

/** `spec.ports` when it is a literal list (undefined when absent, templated or not a list). */
export function servicePorts(obj: KObject): ServicePort[] | undefined {
  const seq = asSeq(getIn(obj.model.root, ['spec', 'ports'], obj.model.anchors), obj.model.anchors);
  if (!seq) return undefined;
  const out: ServicePort[] = [];
  for (const item of seq.items) {
    if (!isMap(item)) return undefined;
    const name = scalarString(getPair(item, 'name')?.value, obj.model.anchors);
    const portNode = getPair(item, 'port')?.value;
    const port = scalarString(portNode, obj.model.anchors);
    if (port === undefined || !isScalar(portNode) || isTemplated(port) || (name !== undefined && isTemplated(name))) return undefined;
    out.push({ name, port, protocol: scalarString(getPair(item, 'protocol')?.value, obj.model.anchors) ?? 'TCP' });
  }
  return out;
}

/** `spec.type` as written (undefined when templated), `ClusterIP` when absent. */
export function serviceType(obj: KObject): string | undefined {
  const t = scalarString(getIn(obj.model.root, ['spec', 'type'], obj.model.anchors), obj.model.anchors);
  if (t !== undefined && isTemplated(t)) return undefined;
  return t ?? 'ClusterIP';
}
