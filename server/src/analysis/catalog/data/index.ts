import type { AnnotationSpec } from '../types';
import { ALB_INGRESS_AUTH } from './albIngressAuth';
import { ALB_INGRESS_DYNAMIC } from './albIngressDynamic';
import { ALB_INGRESS_FRONTEND_NLB } from './albIngressFrontendNlb';
import { ALB_INGRESS_LISTENERS } from './albIngressListeners';
import { ALB_INGRESS_LOAD_BALANCER } from './albIngressLoadBalancer';
import { ALB_INGRESS_TARGET_GROUP } from './albIngressTargetGroup';
import { INGRESS_CLASS } from './ingressClass';
import { LBC_WORKLOADS } from './lbcWorkloads';
import { POD_NETWORKING } from './podNetworking';
import { SERVICE_DYNAMIC } from './serviceDynamic';
import { SERVICE_IN_TREE } from './serviceInTree';
import { SERVICE_LISTENERS } from './serviceListeners';
import { SERVICE_LOAD_BALANCER } from './serviceLoadBalancer';
import { SERVICE_TARGET_GROUP } from './serviceTargetGroup';

export {
  ALB_INGRESS_AUTH,
  ALB_INGRESS_DYNAMIC,
  ALB_INGRESS_FRONTEND_NLB,
  ALB_INGRESS_LISTENERS,
  ALB_INGRESS_LOAD_BALANCER,
  ALB_INGRESS_TARGET_GROUP,
  INGRESS_CLASS,
  LBC_WORKLOADS,
  POD_NETWORKING,
  SERVICE_DYNAMIC,
  SERVICE_IN_TREE,
  SERVICE_LISTENERS,
  SERVICE_LOAD_BALANCER,
  SERVICE_TARGET_GROUP,
};

/** Every annotation and label the product knows, each key exactly once. */
export const ALL_ANNOTATIONS: readonly AnnotationSpec[] = [
  ...INGRESS_CLASS,
  ...ALB_INGRESS_LOAD_BALANCER,
  ...ALB_INGRESS_LISTENERS,
  ...ALB_INGRESS_TARGET_GROUP,
  ...ALB_INGRESS_AUTH,
  ...ALB_INGRESS_FRONTEND_NLB,
  ...ALB_INGRESS_DYNAMIC,
  ...SERVICE_LOAD_BALANCER,
  ...SERVICE_LISTENERS,
  ...SERVICE_TARGET_GROUP,
  ...SERVICE_IN_TREE,
  ...SERVICE_DYNAMIC,
  ...LBC_WORKLOADS,
  ...POD_NETWORKING,
];
