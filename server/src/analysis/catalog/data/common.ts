/**
 * Shared constants for the annotation catalogue: documentation links and value patterns.
 *
 * Patterns are JavaScript regular-expression sources compiled with `new RegExp(source)` and applied to
 * real-world values. They only encode formats the controllers or AWS actually require; anything that
 * is looked up at run time (names, tags) stays permissive so that valid manifests are never flagged.
 */

export const INGRESS_DOCS =
  'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/';
export const SERVICE_DOCS =
  'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/';
export const INGRESS_CLASS_DOCS =
  'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/ingress_class/';
export const TGB_DOCS =
  'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/targetgroupbinding/targetgroupbinding/';
export const READINESS_GATE_DOCS =
  'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/';
export const K8S_WELL_KNOWN_DOCS = 'https://kubernetes.io/docs/reference/labels-annotations-taints/';
export const SGP_DOCS = 'https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html';
export const CUSTOM_NETWORKING_DOCS = 'https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network.html';
export const VPC_CNI_DOCS = 'https://github.com/aws/amazon-vpc-cni-k8s#readme';
export const WINDOWS_DOCS = 'https://docs.aws.amazon.com/eks/latest/userguide/windows-support.html';

/** Subnet: `subnet-` + 8 or 17 hex digits, or a Name tag value (anything not starting with `subnet-`). */
export const SUBNET_ID_OR_NAME = String.raw`^(?:subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})|(?!subnet-)\S.*)$`;
export const SUBNET_ID_OR_NAME_NAME = 'a subnet ID (subnet-…) or a subnet Name tag value';

/** Security group: `sg-` + 8 or 17 hex digits, or a Name tag value (anything not starting with `sg-`). */
export const SG_ID_OR_NAME = String.raw`^(?:sg-(?:[0-9a-f]{8}|[0-9a-f]{17})|(?!sg-)\S.*)$`;
export const SG_ID_OR_NAME_NAME = 'a security group ID (sg-…) or a security group Name tag value';

export const SG_ID = String.raw`^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$`;

/** IPv4 or IPv6 CIDR as accepted by Go's net.ParseCIDR (IPv4 octets without leading zeros). */
const IPV4 = String.raw`(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])`;
const IPV6 = String.raw`(?=[0-9A-Fa-f:.]*:)[0-9A-Fa-f:.]{2,45}`;
export const CIDR = String.raw`^(?:${IPV4}/(?:3[0-2]|[12]?[0-9])|${IPV6}/(?:12[0-8]|1[01][0-9]|[1-9]?[0-9]))$`;
export const CIDR_NAME = 'an IPv4 or IPv6 CIDR block (e.g. 10.0.0.0/16)';
export const IPV4_ADDRESS = String.raw`^${IPV4}$`;
export const IPV6_ADDRESS = String.raw`^${IPV6}$`;
export const IPV6_PREFIX_80_OR_AUTO = String.raw`^(?:auto_assigned|${IPV6}/80)$`;

/** ACM certificate ARN or IAM server-certificate ARN (all partitions). */
export const CERT_ARN = String.raw`^arn:aws[-a-z]*:(?:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9A-Fa-f-]+|iam::[0-9]{12}:server-certificate/\S+)$`;
export const CERT_ARN_NAME = 'an ACM or IAM server certificate ARN';

export const PREFIX_LIST_ID = String.raw`^pl-[0-9a-f]{8,17}$`;
export const EIP_ALLOCATION_ID = String.raw`^eipalloc-[0-9a-f]{8,17}$`;

/** Load balancer names: ≤ 32 alphanumerics/hyphens, no leading/trailing hyphen, not `internal-…`. */
export const LB_NAME = String.raw`^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$`;
export const LB_NAME_NAME =
  'a load balancer name (letters, digits and hyphens, no hyphen at either end, not starting with "internal-")';

/** Health-check port: traffic-port, a number, or a Service port name. */
export const HC_PORT = String.raw`^(?:traffic-port|[0-9]{1,5}|[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)$`;
export const HC_PORT_NAME = '"traffic-port", a port number or a Service port name';

export const HTTP_PATH = String.raw`^/`;
export const HTTP_PATH_NAME = 'a path starting with "/"';

/** Service port: number or IANA-style port name. */
export const PORT_NUMBER_OR_NAME = String.raw`^(?:[0-9]{1,5}|[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)$`;
export const PORT_NUMBER_OR_NAME_NAME = 'a Service port number or port name';

export const PORT_NUMBER = String.raw`^\s*[0-9]{1,5}\s*$`;

/** host:port listen address (host may be empty, a name, an IPv4 or a bracketed IPv6 address). */
export const HOST_PORT = String.raw`^\S*:[0-9]{1,5}$`;
export const HOST_PORT_NAME = 'an address of the form host:port';

/** Kubernetes resource quantity (CPU/memory), e.g. 100m, 0.5, 128Mi, 1G. */
export const QUANTITY = String.raw`^[+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$`;
export const QUANTITY_NAME = 'a Kubernetes quantity (e.g. 100m, 0.5, 128Mi)';

export const LBC_SERVICE_NOTE =
  'Only read when the Service is handled by the AWS Load Balancer Controller (`spec.loadBalancerClass: service.k8s.aws/nlb`, or `aws-load-balancer-type: external` with an `nlb-target-type`).';
