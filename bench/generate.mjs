#!/usr/bin/env node
// Deterministic generator of synthetic EKS networking workspaces.
//
//   node generate.mjs --single-file N [--out DIR] [--seed S]
//   node generate.mjs --workspace FILES DOCS [--out DIR] [--seed S]
//
// Writes YAML into DIR (default .work/single-N or .work/ws-FILES-DOCS) and a
// DIR.meta.json beside it (counts plus one cross-file label/selector pair that
// the benchmark edits). Same arguments + seed => byte-identical output.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (arr) => arr[Math.floor(next() * arr.length)], chance: (p) => next() < p };
}

const TEAMS = ['payments', 'search', 'identity', 'catalog', 'checkout', 'media', 'ads', 'data'];
const ROLES = ['web', 'api', 'worker', 'gateway', 'cache', 'auth'];

// Each document is an array of lines; `marks` records interesting line offsets.
function namespaceDoc(ns) {
  return { kind: 'Namespace', lines: ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${ns}`, '  labels:', `    team: ${ns}`] };
}

function workloadDoc(app, r) {
  const kind = r.chance(0.2) ? 'StatefulSet' : 'Deployment';
  const lines = [
    'apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', `  name: ${app.name}`, `  namespace: ${app.ns}`,
    '  labels:', `    app: ${app.name}`, 'spec:', `  replicas: ${1 + r.int(5)}`,
    ...(kind === 'StatefulSet' ? [`  serviceName: ${app.name}`] : []),
    '  selector:', '    matchLabels:', `      app: ${app.name}`,
    '  template:', '    metadata:', '      labels:',
  ];
  const podLabelLine = lines.length;
  lines.push(`        app: ${app.name}`, `        tier: ${app.role}`,
    '    spec:', '      containers:', `        - name: ${app.role}`,
    `          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/${app.ns}/${app.role}:1.${r.int(40)}.${r.int(10)}`,
    '          ports:', '            - name: http', `              containerPort: ${app.port}`);
  if (r.chance(0.3)) lines.push('            - name: metrics', '              containerPort: 9090');
  return { kind, lines, podLabelLine, podLabelCol: 13 };
}

function serviceDoc(app, r, mistakes) {
  const lb = r.chance(0.1);
  const type = lb ? 'LoadBalancer' : r.chance(0.25) ? 'NodePort' : 'ClusterIP';
  const lines = ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${app.name}`, `  namespace: ${app.ns}`];
  if (lb) {
    lines.push('  annotations:',
      '    service.beta.kubernetes.io/aws-load-balancer-type: external',
      `    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ${r.pick(['ip', 'instance'])}`,
      `    service.beta.kubernetes.io/aws-load-balancer-scheme: ${r.pick(['internal', 'internet-facing'])}`,
      "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz");
    if (r.chance(0.5)) lines.push(`    service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled: "true"`);
  }
  // Deliberate mistake: a selector that matches nothing.
  const sel = mistakes.chance(0.01) ? `${app.name}-old` : app.name;
  lines.push('spec:', `  type: ${type}`, '  selector:', `    app: ${sel}`, '  ports:', '    - name: http',
    `      port: ${lb ? 443 : 80}`, '      targetPort: http');
  return { kind: 'Service', lines, selector: sel, type };
}

/**
 * Members of an IngressGroup (one per namespace) agree on their scheme, and instance targets are
 * used with NodePort or LoadBalancer Services only, as in a workspace that deploys; about 1% of
 * Ingresses break each (deliberate mistakes, like the typo'd key below).
 */
function ingressDoc(app, r, mistakes, serviceType) {
  const ann = 'alb.ingress.kubernetes.io/';
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', `  name: ${app.name}`, `  namespace: ${app.ns}`, '  annotations:'];
  const schemeLine = lines.length;
  const schemes = ['internet-facing', 'internal'];
  const groupScheme = schemes[[...app.ns].reduce((h, c) => h + c.charCodeAt(0), 0) % 2];
  lines.push(`    ${ann}scheme: ${mistakes.chance(0.01) ? schemes.find((x) => x !== groupScheme) : groupScheme}`);
  const targetTypeLine = lines.length;
  const instanceOk = serviceType !== 'ClusterIP' || mistakes.chance(0.01);
  lines.push(`    ${ann}target-type: ${instanceOk ? r.pick(['ip', 'instance']) : 'ip'}`,
    `    ${ann}listen-ports: '[{"HTTP": 80}, {"HTTPS": 443}]'`,
    `    ${ann}group.name: ${app.ns}`);
  // Deliberate mistake: a typo'd annotation key.
  lines.push(`    ${ann}${mistakes.chance(0.01) ? 'healthcheck-pth' : 'healthcheck-path'}: /healthz`);
  if (r.chance(0.5)) lines.push(`    ${ann}healthcheck-interval-seconds: '${r.pick([10, 15, 30])}'`, `    ${ann}success-codes: 200-399`);
  const redirect = r.chance(0.4);
  if (redirect) lines.push(`    ${ann}actions.ssl-redirect: '{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}'`);
  lines.push('spec:', '  ingressClassName: alb', '  rules:', `    - host: ${app.name}.${app.ns}.example.com`, '      http:', '        paths:');
  const path = (svc, port) => ['          - path: /', '            pathType: Prefix', '            backend:', '              service:',
    `                name: ${svc}`, '                port:', `                  name: ${port}`];
  if (redirect) lines.push(...path('ssl-redirect', 'use-annotation'));
  else lines.push(...path(app.name, 'http'));
  return { kind: 'Ingress', lines, schemeLine, targetTypeLine };
}

function networkPolicyDoc(app) {
  return { kind: 'NetworkPolicy', lines: ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${app.name}-allow`,
    `  namespace: ${app.ns}`, 'spec:', '  podSelector:', '    matchLabels:', `      app: ${app.name}`, '  policyTypes: [Ingress]', '  ingress:',
    '    - from:', '        - namespaceSelector:', '            matchLabels:', `              kubernetes.io/metadata.name: ${app.ns}`,
    '      ports:', '        - port: http'] };
}

function sgpDoc(app) {
  return { kind: 'SecurityGroupPolicy', lines: ['apiVersion: vpcresources.k8s.aws/v1beta1', 'kind: SecurityGroupPolicy', 'metadata:',
    `  name: ${app.name}-sg`, `  namespace: ${app.ns}`, 'spec:', '  podSelector:', '    matchLabels:', `      app: ${app.name}`,
    '  securityGroups:', '    groupIds:', '      - sg-0123456789abcdef0'] };
}

/** The document stream: namespaces, each followed by its apps' documents. Exactly `total` documents. */
export function documents(total, seed = 1) {
  const r = rng(seed);
  const mistakes = rng(seed * 7919 + 17);
  const docs = [];
  let ns = null;
  for (let i = 0; docs.length < total; i++) {
    if (i % 40 === 0) {
      ns = `${TEAMS[(i / 40) % TEAMS.length]}-${Math.floor(i / 40)}`;
      docs.push({ ...namespaceDoc(ns), app: null });
    }
    const role = r.pick(ROLES);
    const app = { name: `${role}-${i}`, ns, role, port: 8000 + r.int(1000) };
    const group = [serviceDoc(app, r, mistakes), workloadDoc(app, r)];
    if (r.chance(0.45)) group.push(ingressDoc(app, r, mistakes, group[0].type));
    if (r.chance(0.6)) group.push(networkPolicyDoc(app));
    if (r.chance(0.05)) group.push(sgpDoc(app));
    for (const d of group) docs.push({ ...d, app: app.name });
  }
  return docs.slice(0, total);
}

/** Lays documents into files; returns { files: [{ path, text }], meta }. */
export function generate({ files: fileCount = 1, docs: docCount, seed = 1 }) {
  const docs = documents(docCount, seed);
  const files = [];
  const where = []; // doc index -> { file, line }
  for (let f = 0; f < fileCount; f++) {
    const from = Math.floor((f * docCount) / fileCount);
    const to = Math.floor(((f + 1) * docCount) / fileCount);
    const first = docs[from];
    const ns = (first.lines.find((l) => l.startsWith('  namespace: ')) ?? first.lines[3]).split(': ')[1];
    const path = fileCount === 1 ? 'all.yaml' : `clusters/prod-${f % 3}/${ns}/${String(f).padStart(5, '0')}-${first.app ?? 'namespace'}.yaml`;
    const out = [];
    for (let d = from; d < to; d++) {
      if (d > from) out.push('---');
      where[d] = { file: path, line: out.length };
      out.push(...docs[d].lines);
    }
    files.push({ path, text: out.join('\n') + '\n', lines: out.length });
  }
  // A workload whose Service lives in another file: the cross-file edit target.
  const serviceOf = new Map(docs.map((x, i) => [x.kind === 'Service' && x.selector === x.app ? x.app : null, i]));
  let cross = null;
  for (let d = 0; d < docs.length && !cross; d++) {
    if (docs[d].podLabelLine === undefined) continue;
    const s = serviceOf.get(docs[d].app);
    if (s !== undefined && where[s].file !== where[d].file) {
      cross = { labelFile: where[d].file, labelLine: where[d].line + docs[d].podLabelLine, labelCol: docs[d].podLabelCol,
        labelValue: docs[d].app, consumerFile: where[s].file };
    }
  }
  const ingresses = docs.map((d, i) => (d.kind === 'Ingress' ? i : -1)).filter((i) => i >= 0)
    .map((i) => ({ file: where[i].file, schemeLine: where[i].line + docs[i].schemeLine, targetTypeLine: where[i].line + docs[i].targetTypeLine }));
  const kinds = {};
  for (const d of docs) kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
  const meta = { seed, files: fileCount, docs: docCount, lines: files.reduce((n, f) => n + f.lines, 0), kinds, cross, ingresses };
  return { files: files.map(({ path, text }) => ({ path, text })), meta };
}

/** Generates into `out` (wiped first) and writes `out`.meta.json. Returns meta. */
export function writeWorkspace(out, opts) {
  const { files, meta } = generate(opts);
  if (existsSync(out) && readdirSync(out).length && !existsSync(`${out}.meta.json`)) {
    throw new Error(`${out} is not empty and was not made by generate.mjs; refusing to overwrite it`);
  }
  rmSync(out, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.text);
  }
  writeFileSync(`${out}.meta.json`, JSON.stringify(meta, null, 1));
  return meta;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const a = process.argv.slice(2);
  const opt = (name) => { const i = a.indexOf(name); return i >= 0 ? a[i + 1] : undefined; };
  const seed = Number(opt('--seed') ?? 1);
  const here = dirname(fileURLToPath(import.meta.url));
  let opts, def;
  if (a.includes('--single-file')) {
    const n = Number(opt('--single-file'));
    opts = { files: 1, docs: n, seed };
    def = `single-${n}`;
  } else if (a.includes('--workspace')) {
    const i = a.indexOf('--workspace');
    opts = { files: Number(a[i + 1]), docs: Number(a[i + 2]), seed };
    def = `ws-${opts.files}-${opts.docs}`;
  }
  if (!opts || !(opts.docs > 0) || !(opts.files > 0) || opts.files > opts.docs) {
    console.error('usage: node generate.mjs --single-file N | --workspace FILES DOCS  [--out DIR] [--seed S]');
    process.exit(2);
  }
  const out = resolve(opt('--out') ?? join(here, '.work', def));
  const meta = writeWorkspace(out, opts);
  console.log(`${out}: ${meta.files} files, ${meta.docs} documents, ${meta.lines} lines`, JSON.stringify(meta.kinds));
}

/** The k-th of `count` Ingresses spread evenly over the generated text (shared by run.mjs and floor.mjs). */
export function spreadIngress(meta, k, count) {
  const n = meta.ingresses.length;
  return meta.ingresses[Math.floor(((k + 0.5) * n) / Math.max(1, count)) % n];
}
