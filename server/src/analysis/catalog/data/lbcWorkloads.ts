import type { AnnotationSpec } from '../types';
import {
  HOST_PORT,
  HOST_PORT_NAME,
  INGRESS_DOCS,
  QUANTITY,
  QUANTITY_NAME,
  READINESS_GATE_DOCS,
  SERVICE_DOCS,
  TGB_DOCS,
} from './common';

const AGENT_INJECTION =
  'Only used when the target control agent sidecar is injected (Namespace label `elbv2.k8s.aws/alb-target-control-agent-injection: enabled` or Pod label `elbv2.k8s.aws/alb-target-control-agent-inject: "true"`).';

function agentKey(
  suffix: string,
  summary: string,
  doc: string,
  extra: Partial<AnnotationSpec> = {},
): AnnotationSpec {
  return {
    key: `elbv2.k8s.aws/alb-target-control-agent-${suffix}`,
    metaKind: 'annotation',
    kinds: ['Pod'],
    reader: 'aws-load-balancer-controller',
    type: 'string',
    since: 'v2.16.0',
    summary,
    doc: `${doc}\n\n- ${AGENT_INJECTION}`,
    docsUrl: INGRESS_DOCS,
    ...extra,
  };
}

/** LBC keys on Pods, Namespaces and TargetGroupBindings (readiness gates, QUIC, target control agent, checkpoints). */
export const LBC_WORKLOADS: readonly AnnotationSpec[] = [
  {
    key: 'service.beta.kubernetes.io/aws-load-balancer-quic-enabled-containers',
    metaKind: 'annotation',
    kinds: ['Pod'],
    reader: 'aws-load-balancer-controller',
    type: 'stringList',
    since: 'v2.15.0',
    summary: 'Containers of this pod that serve QUIC behind an NLB.',
    doc: [
      'Comma-separated container names (set on the pod template). The controller\'s pod webhook adds an environment variable carrying a QUIC server ID to these containers, and the controller registers the targets with that ID.',
      '',
      '- Pairs with `aws-load-balancer-quic-enabled-ports` on the Service; names must match containers of the pod.',
    ].join('\n'),
    examples: ['app'],
    docsUrl: SERVICE_DOCS,
  },
  {
    key: 'elbv2.k8s.aws/checkpoint',
    metaKind: 'annotation',
    kinds: ['TargetGroupBinding'],
    reader: 'aws-load-balancer-controller',
    type: 'string',
    since: 'v2.10.0',
    writtenBy: 'aws-load-balancer-controller',
    summary: 'Output only: hash of the last reconciled state of the binding.',
    doc: 'Written by the controller so it can skip reconciles when nothing changed. Do not set or edit it.',
    docsUrl: TGB_DOCS,
  },
  {
    key: 'elbv2.k8s.aws/checkpoint-timestamp',
    metaKind: 'annotation',
    kinds: ['TargetGroupBinding'],
    reader: 'aws-load-balancer-controller',
    type: 'integer',
    since: 'v2.10.0',
    writtenBy: 'aws-load-balancer-controller',
    summary: 'Output only: time of the last checkpoint (Unix seconds).',
    doc: 'Written by the controller together with `elbv2.k8s.aws/checkpoint`. Do not set or edit it.',
    docsUrl: TGB_DOCS,
  },
  {
    key: 'elbv2.k8s.aws/pod-readiness-gate-inject',
    metaKind: 'label',
    kinds: ['Namespace'],
    reader: 'aws-load-balancer-controller',
    type: 'string',
    enum: ['enabled'],
    since: 'v2.0.0',
    summary: 'Namespace label: inject target-health readiness gates into new pods.',
    doc: [
      'A **label** (not an annotation) on the Namespace. With `enabled`, the controller\'s pod webhook adds `target-health.elbv2.k8s.aws/<binding>` readiness gates to new pods behind a load balancer, so rollouts wait until targets are healthy.',
      '',
      '- Only pods created after the label is set get the gates.',
    ].join('\n'),
    examples: ['enabled'],
    docsUrl: READINESS_GATE_DOCS,
  },
  {
    key: 'elbv2.k8s.aws/alb-target-control-agent-injection',
    metaKind: 'label',
    kinds: ['Namespace'],
    reader: 'aws-load-balancer-controller',
    type: 'string',
    enum: ['enabled'],
    since: 'v2.16.0',
    summary: 'Namespace label: inject the ALB target control agent sidecar into pods.',
    doc: 'A **label** on the Namespace. `enabled` turns on injection of the target control agent sidecar (ALB target optimizer) for the pods of the namespace; individual pods can opt out with `elbv2.k8s.aws/alb-target-control-agent-inject: "false"`.',
    examples: ['enabled'],
    docsUrl: INGRESS_DOCS,
  },
  {
    key: 'elbv2.k8s.aws/alb-target-control-agent-inject',
    metaKind: 'label',
    kinds: ['Pod'],
    reader: 'aws-load-balancer-controller',
    type: 'string',
    enum: ['true', 'false'],
    since: 'v2.16.0',
    summary: 'Pod label: force or suppress the target control agent sidecar.',
    doc: 'A **label** on the Pod (template). `"true"` injects the sidecar and `"false"` prevents it, regardless of the namespace label.',
    examples: ['true', 'false'],
    docsUrl: INGRESS_DOCS,
  },
  agentKey(
    'injected',
    'Output only: marks pods into which the agent sidecar was injected.',
    'Written by the injecting webhook. Do not set it yourself.',
    { writtenBy: 'aws-load-balancer-controller' },
  ),
  agentKey('image', 'Container image of the target control agent sidecar.', 'Overrides the default agent image (a full image reference).'),
  agentKey(
    'data-address',
    'Address the agent accepts load balancer traffic on.',
    'Listen address of the agent\'s data path, written as `host:port`.',
    { pattern: HOST_PORT, patternName: HOST_PORT_NAME, examples: ['0.0.0.0:8080'] },
  ),
  agentKey(
    'control-address',
    'Address the agent exchanges control traffic with the ALB on.',
    'Control listener of the agent as `host:port`. The port has to match the value of the Ingress annotation `target-control-port.<service>.<port>`.',
    { pattern: HOST_PORT, patternName: HOST_PORT_NAME, examples: ['0.0.0.0:3000'] },
  ),
  agentKey(
    'destination-address',
    'Where the agent forwards traffic (the application).',
    'Address of the application container as `host:port`.',
    { pattern: HOST_PORT, patternName: HOST_PORT_NAME, examples: ['127.0.0.1:80'] },
  ),
  agentKey(
    'max-concurrency',
    'Upper limit of requests the agent processes at the same time.',
    'Whole number 0-1000 (checked by the controller webhook).',
    { type: 'integer', min: 0, max: 1000, rangeEnforcedBy: 'controller', examples: ['100'] },
  ),
  agentKey('tls-cert-path', 'Path of the agent\'s TLS certificate in the pod.', 'File path of the certificate the agent presents.', {
    examples: ['/etc/tls/tls.crt'],
  }),
  agentKey('tls-key-path', 'Path of the agent\'s TLS private key in the pod.', 'File path of the key matching the certificate.', {
    examples: ['/etc/tls/tls.key'],
  }),
  agentKey('tls-security-policy', 'TLS security policy used by the agent.', 'Name of the TLS policy the agent applies.'),
  agentKey('protocol-version', 'Protocol the agent speaks to the application.', '`HTTP1`, `HTTP2` or `GRPC` (upper case).', {
    enum: ['HTTP1', 'HTTP2', 'GRPC'],
    examples: ['HTTP1'],
  }),
  agentKey('rust-log', 'Log level of the agent.', '`debug`, `info` or `error`.', {
    enum: ['debug', 'info', 'error'],
    examples: ['info'],
  }),
  agentKey('cpu-request', 'CPU request of the agent sidecar.', 'Kubernetes quantity, e.g. `100m`.', {
    pattern: QUANTITY,
    patternName: QUANTITY_NAME,
    examples: ['100m'],
  }),
  agentKey('cpu-limit', 'CPU limit of the agent sidecar.', 'Kubernetes quantity, e.g. `500m`.', {
    pattern: QUANTITY,
    patternName: QUANTITY_NAME,
    examples: ['500m'],
  }),
  agentKey('memory-request', 'Memory request of the agent sidecar.', 'Kubernetes quantity, e.g. `64Mi`.', {
    pattern: QUANTITY,
    patternName: QUANTITY_NAME,
    examples: ['64Mi'],
  }),
  agentKey('memory-limit', 'Memory limit of the agent sidecar.', 'Kubernetes quantity, e.g. `256Mi`.', {
    pattern: QUANTITY,
    patternName: QUANTITY_NAME,
    examples: ['256Mi'],
  }),
];
