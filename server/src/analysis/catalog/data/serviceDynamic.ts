import type { AnnotationSpec } from '../types';
import { LBC_SERVICE_NOTE, SERVICE_DOCS } from './common';

/** Service keys whose name embeds a port or a listener (protocol-port). */
export const SERVICE_DYNAMIC: readonly AnnotationSpec[] = [
  {
    key: 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes.${port}',
    keyPattern: String.raw`^service\.beta\.kubernetes\.io/aws-load-balancer-target-group-attributes\.[0-9]{1,5}$`,
    metaKind: 'annotation',
    kinds: ['Service'],
    reader: 'aws-load-balancer-controller',
    type: 'stringMap',
    since: 'v2.14.0',
    summary: 'Target group attributes for one Service port, overriding the global ones.',
    doc: [
      'Same `attribute=value` format as `aws-load-balancer-target-group-attributes`, but only for the target group of Service port `<port>` (a number that must exist in `spec.ports`).',
      '',
      '- Values here override the global annotation; entries with an empty value do not.',
      `- ${LBC_SERVICE_NOTE}`,
    ].join('\n'),
    examples: ['proxy_protocol_v2.enabled=true'],
    docsUrl: SERVICE_DOCS,
  },
  {
    key: 'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.${Protocol}-${Port}',
    keyPattern: String.raw`^service\.beta\.kubernetes\.io/aws-load-balancer-listener-attributes\.(TCP|UDP|TLS|TCP_UDP|QUIC|TCP_QUIC)-[0-9]{1,5}$`,
    metaKind: 'annotation',
    kinds: ['Service'],
    reader: 'aws-load-balancer-controller',
    type: 'stringMap',
    mapKeys: [
      { key: 'tcp.idle_timeout.seconds', valueType: 'integer', min: 60, max: 6000, enforcedBy: 'aws', summary: 'TCP idle timeout of the listener in seconds.' },
    ],
    since: 'v2.9.0',
    summary: 'Attributes of one NLB listener (e.g. TCP idle timeout).',
    doc: [
      'The key names the listener by protocol and port, e.g. `aws-load-balancer-listener-attributes.TCP-443`; the value is `attribute=value` pairs.',
      '',
      '- `tcp.idle_timeout.seconds` accepts 60-6000 (checked by AWS).',
      `- ${LBC_SERVICE_NOTE}`,
    ].join('\n'),
    examples: ['tcp.idle_timeout.seconds=600'],
    docsUrl: SERVICE_DOCS,
  },
  {
    key: 'service.beta.kubernetes.io/actions.${protocol}-${port}',
    keyPattern: String.raw`^service\.beta\.kubernetes\.io/actions\.(TCP|UDP|TLS|TCP_UDP|QUIC|TCP_QUIC)-[0-9]{1,5}$`,
    metaKind: 'annotation',
    kinds: ['Service'],
    reader: 'aws-load-balancer-controller',
    type: 'json',
    schemaFile: 'service-actions.schema.json',
    since: 'v2.16.0',
    summary: 'Weighted forward action for one NLB listener (canary / blue-green).',
    doc: [
      'JSON object `{"type": "forward", "forwardConfig": {...}}` for the listener on `<PROTOCOL>-<PORT>`: `baseServiceWeight` for this Service plus `targetGroups` entries pointing at other Services (`serviceName` + `servicePort`) or at an external `targetGroupARN`.',
      '',
      '- Each entry takes exactly one of `targetGroupARN` or `serviceName`; weights are 0-999 and required once there are several target groups.',
      '- No stickiness on TLS listeners; all target groups must use the same protocol and IP family.',
      `- ${LBC_SERVICE_NOTE}`,
    ].join('\n'),
    examples: ['{"type":"forward","forwardConfig":{"baseServiceWeight":90,"targetGroups":[{"serviceName":"my-app-canary","servicePort":80,"weight":10}]}}'],
    docsUrl: SERVICE_DOCS,
  },
];
