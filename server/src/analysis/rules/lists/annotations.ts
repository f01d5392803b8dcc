/** Rules: AWS Load Balancer Controller and in-tree provider annotations (catalogue-driven). */
import type { Rule } from '../types';
import { rule as annotationUnknownKey } from '../annotation-unknown-key';
import { rule as annotationWrongObject } from '../annotation-wrong-object';
import { rule as annotationInvalidBoolean } from '../annotation-invalid-boolean';
import { rule as annotationInvalidInteger } from '../annotation-invalid-integer';
import { rule as annotationOutOfRange } from '../annotation-out-of-range';
import { rule as annotationInvalidEnum } from '../annotation-invalid-enum';
import { rule as annotationInvalidFormat } from '../annotation-invalid-format';
import { rule as annotationInvalidStringMap } from '../annotation-invalid-string-map';
import { rule as annotationInvalidJson } from '../annotation-invalid-json';
import { rule as annotationUnknownJsonField } from '../annotation-unknown-json-field';
import { rule as annotationDeprecated } from '../annotation-deprecated';
import { rule as healthcheckIntervalTimeout } from '../healthcheck-interval-timeout';
import { rule as grpcSuccessCodes } from '../grpc-success-codes';
import { rule as sslRedirectWithoutHttps } from '../ssl-redirect-without-https';
import { rule as authWithoutHttps } from '../auth-without-https';
import { rule as nlbInTreeWithControllerKeys } from '../nlb-in-tree-with-controller-keys';
import { rule as nlbExternalWithoutTargetType } from '../nlb-external-without-target-type';
import { rule as ingressClassAnnotationAndField } from '../ingress-class-annotation-and-field';
import { rule as ingressClassAnnotationDeprecated } from '../ingress-class-annotation-deprecated';
import { rule as nlbSubnetCountMismatch } from '../nlb-subnet-count-mismatch';
import { rule as nlbSslPortsUnknown } from '../nlb-ssl-ports-unknown';
import { rule as nlbAnnotationsNotLoadBalancer } from '../nlb-annotations-not-load-balancer';

export const ANNOTATION_RULES: readonly Rule[] = [
  annotationUnknownKey,
  annotationWrongObject,
  annotationInvalidBoolean,
  annotationInvalidInteger,
  annotationOutOfRange,
  annotationInvalidEnum,
  annotationInvalidFormat,
  annotationInvalidStringMap,
  annotationInvalidJson,
  annotationUnknownJsonField,
  annotationDeprecated,
  healthcheckIntervalTimeout,
  grpcSuccessCodes,
  sslRedirectWithoutHttps,
  authWithoutHttps,
  nlbInTreeWithControllerKeys,
  nlbExternalWithoutTargetType,
  ingressClassAnnotationAndField,
  ingressClassAnnotationDeprecated,
  nlbSubnetCountMismatch,
  nlbSslPortsUnknown,
  nlbAnnotationsNotLoadBalancer,
];
