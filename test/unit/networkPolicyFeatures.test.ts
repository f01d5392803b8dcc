/** Hover, completion and code lenses of the NetworkPolicy / pod security groups area, and the schema module. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, parseFixture } from '../helpers/fixture';
import { validateValue } from '../../server/src/analysis/schema/validator';
import { parseCidr, contains } from '../../server/src/analysis/policy/cidr';

const WORKSPACE = `#- file: app/api.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      serviceAccountName: api
      containers:
        - name: api
          image: api:1
          ports:
            - name: http
              containerPort: 8080
#- file: app/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: web:1
#- file: app/policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-web
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: web
      ports:
        - protocol: TCP
          port: http
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: shop
  labels:
    team: core
---
apiVersion: vpcresources.k8s.aws/v1beta1
kind: SecurityGroupPolicy
metadata:
  name: db-access
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  securityGroups:
    groupIds: [sg-0123456789abcdef0]
---
apiVersion: vpcresources.k8s.aws/v1beta1
kind: SecurityGroupPolicy
metadata:
  name: core-team
  namespace: shop
spec:
  serviceAccountSelector:
    matchLabels:
      team: core
  securityGroups:
    groupIds: [sg-01234567]
`;

function at(source: string, needle: string, file: string, delta = 0) {
  const fixture = parseFixture(source);
  const service = load(fixture);
  const f = fixture.files.find((x) => x.name === file)!;
  const offset = f.text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} not found in ${file}`);
  return { service, uri: f.uri, offset };
}

test('hover on a workload shows the effective policies and the combined security groups', () => {
  const { service, uri, offset } = at(WORKSPACE, 'Deployment', 'app/api.yaml', 2);
  const md = service.hover(uri, offset)?.markdown ?? '';
  assert.match(md, /2 of 2 in `shop` select this workload: `api-from-web`, `default-deny-egress`/);
  assert.match(md, /\*\*Ingress\*\*: isolated by `api-from-web`; allowed:\n {2}- from pods app=web of this namespace — TCP port "http" \(`api-from-web`\)/);
  assert.match(md, /\*\*Egress\*\*: isolated by `default-deny-egress`; nothing is allowed \(DNS included\)/);
  assert.match(md, /`sg-0123456789abcdef0`, `sg-01234567` \(combined from `db-access`, `core-team`\)/);
});

test('hover on a workload no policy isolates says traffic is open', () => {
  const { service, uri, offset } = at(WORKSPACE, 'Deployment', 'app/web.yaml', 2);
  const md = service.hover(uri, offset)?.markdown ?? '';
  assert.match(md, /\*\*Ingress\*\*: not isolated — all inbound traffic is allowed\./);
  assert.match(md, /\*\*Egress\*\*: isolated by `default-deny-egress`/);
  assert.doesNotMatch(md, /Security groups/);
});

test('hover on a NetworkPolicy explains omitted policyTypes and lists the selected workloads', () => {
  const { service, uri, offset } = at(WORKSPACE, 'api-from-web', 'app/policies.yaml', 1);
  const md = service.hover(uri, offset)?.markdown ?? '';
  assert.match(md, /`policyTypes` is not written: Kubernetes assumes \*\*Ingress\*\* only/);
  assert.match(md, /Selects pods with app=api: Deployment api\./);
  assert.match(md, /\*\*Ingress\*\* allowed:\n- from pods app=web of this namespace — TCP port "http"/);
});

test('hover on a SecurityGroupPolicy shows the pods it applies to', () => {
  const { service, uri, offset } = at(WORKSPACE, 'core-team', 'app/policies.yaml', 1);
  const md = service.hover(uri, offset)?.markdown ?? '';
  assert.match(md, /Security groups: `sg-01234567`/);
  assert.match(md, /Applies to Deployment api \(combined/);
});

test('hover on a key of a schema kind shows its description from the schema', () => {
  const { service, uri, offset } = at(WORKSPACE, 'groupIds: [sg-0123', 'app/policies.yaml', 2);
  const md = service.hover(uri, offset)?.markdown ?? '';
  assert.match(md, /^\*\*groupIds\*\* — Security group \*\*IDs\*\*/);
  assert.match(md, /Type: array/);
  const np = at(WORKSPACE, 'policyTypes: [Egress]', 'app/policies.yaml', 3);
  assert.match(np.service.hover(np.uri, np.offset)?.markdown ?? '', /Values: `Ingress`, `Egress`[\s\S]*only the listed directions are isolated/);
});

test('code lenses show isolation on workloads and what policies select', () => {
  const { service, uri } = at(WORKSPACE, 'kind', 'app/api.yaml');
  assert.deepEqual(service.codeLenses(uri).map((l) => l.title).filter((t) => t.startsWith('NetworkPolicy:')), ['NetworkPolicy: ingress isolated (1 allow rule) · egress isolated (deny all)']);
  const p = at(WORKSPACE, 'kind', 'app/policies.yaml');
  assert.deepEqual(p.service.codeLenses(p.uri).map((l) => l.title).filter((t) => /^(isolates|security groups)/.test(t)), [
    'isolates Ingress for Deployment api',
    'isolates Egress for Deployment api, Deployment web',
    'security groups for Deployment api',
    'security groups for Deployment api',
  ]);
});

const complete = (source: string) => {
  const fixture = parseFixture(source);
  const service = load(fixture);
  const c = fixture.cursor!;
  return service.complete(c.uri, c.offset);
};

test('completion proposes the keys of the schema that are not written yet', () => {
  const labels = complete('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  $0\n').map((e) => e.label);
  assert.deepEqual(labels.filter((l) => ['podSelector', 'policyTypes', 'ingress', 'egress'].includes(l)).sort(), ['egress', 'ingress', 'policyTypes']);
  const peer = complete('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n          $0\n').map((e) => e.label);
  assert.deepEqual(peer.sort(), ['ipBlock', 'namespaceSelector']);
  const sgp = complete('apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: x\nspec:\n  securityGroups:\n    $0\n').map((e) => e.label);
  assert.deepEqual(sgp, ['groupIds']);
});

test('completion proposes enum values, for keys and for list items', () => {
  const proto = complete('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - protocol: $0\n');
  assert.deepEqual(proto.map((e) => e.label), ['TCP', 'UDP', 'SCTP']);
  assert.equal(proto[0]!.detail, 'default');
  const types = complete('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  policyTypes:\n    - $0\n');
  assert.deepEqual(types.map((e) => e.label), ['Ingress', 'Egress']);
  const tgb = complete('apiVersion: elbv2.k8s.aws/v1beta1\nkind: TargetGroupBinding\nmetadata:\n  name: x\nspec:\n  targetType: $0\n');
  assert.deepEqual(tgb.map((e) => e.label), ['instance', 'ip']);
});

test('the schema validator returns paths, keywords and readable messages for any schema', () => {
  assert.deepEqual(validateValue('annotations/listen-ports.schema.json', [{ HTTP: 80 }]), []);
  const errors = validateValue('annotations/listen-ports.schema.json', [{ HTTPs: 443 }]);
  assert.deepEqual(errors.map((e) => ({ path: e.path, keyword: e.keyword, suggestion: e.suggestion })), [{ path: [0, 'HTTPs'], keyword: 'propertyNames', suggestion: 'HTTPS' }]);
  assert.match(errors[0]!.message, /Invalid key "HTTPs" .*expected "HTTP" or "HTTPS"\. Did you mean "HTTPS"\?/);
  assert.throws(() => validateValue('nope.schema.json', {}), /unknown schema/);
});

test('CIDRs: IPv4, IPv6, host bits and containment', () => {
  assert.equal(parseCidr('10.0.0.1/16')?.canonical, '10.0.0.0/16');
  assert.equal(parseCidr('10.0.0.1/16')?.hostBitsSet, true);
  assert.equal(parseCidr('2001:db8:0:0::1/128')?.canonical, '2001:db8::1/128');
  assert.equal(parseCidr('2001:db8:::1/64'), undefined);
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  assert.ok(contains(parseCidr('10.0.0.0/8')!, parseCidr('10.1.2.0/24')!));
  assert.ok(!contains(parseCidr('10.0.0.0/16')!, parseCidr('10.1.0.0/24')!));
  assert.ok(!contains(parseCidr('10.0.0.0/8')!, parseCidr('::/0')!));
});
