/** Rules: References across objects of the workspace: selectors, backends, IngressGroups, classes. */
import type { Rule } from '../types';
import { rule as serviceSelectorNoMatch } from '../service-selector-no-match';
import { rule as serviceTargetPortUnknown } from '../service-target-port-unknown';
import { rule as workloadSelectorMismatch } from '../workload-selector-mismatch';
import { rule as ingressBackendServiceMissing } from '../ingress-backend-service-missing';
import { rule as ingressBackendPortMissing } from '../ingress-backend-port-missing';
import { rule as ingressActionMissing } from '../ingress-action-missing';
import { rule as ingressActionUnused } from '../ingress-action-unused';
import { rule as albInstanceTargetClusterIp } from '../alb-instance-target-cluster-ip';
import { rule as ingressGroupConflict } from '../ingress-group-conflict';
import { rule as ingressGroupOrder } from '../ingress-group-order';
import { rule as ingressGroupSslRedirect } from '../ingress-group-ssl-redirect';
import { rule as ingressClassMissing } from '../ingress-class-missing';
import { rule as ingressClassParamsMissing } from '../ingress-class-params-missing';
import { rule as ingressClassController } from '../ingress-class-controller';
import { rule as ingressClassParamsOverride } from '../ingress-class-params-override';
import { rule as targetGroupBindingService } from '../target-group-binding-service';
import { rule as referenceNotInWorkspace } from '../reference-not-in-workspace';

export const CROSS_REFERENCE_RULES: readonly Rule[] = [
  serviceSelectorNoMatch,
  serviceTargetPortUnknown,
  workloadSelectorMismatch,
  ingressBackendServiceMissing,
  ingressBackendPortMissing,
  ingressActionMissing,
  ingressActionUnused,
  albInstanceTargetClusterIp,
  ingressGroupConflict,
  ingressGroupOrder,
  ingressGroupSslRedirect,
  ingressClassMissing,
  ingressClassParamsMissing,
  ingressClassController,
  ingressClassParamsOverride,
  targetGroupBindingService,
  referenceNotInWorkspace,
];
