import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locate, type Resource } from '../../model/index.js';
import { loadModel } from '../../scan/scan.js';
import { isUnrenderedHelm, kubernetesSource, readManifests } from './index.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-k8s-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const summary = (rs: Resource[]) => rs.map((r) => `${r.location.file}:${r.location.startLine}-${r.location.endLine} ${r.id}`);

describe('Kubernetes source', () => {
  it('reads multi-document files with empty documents and comments', () => {
    const text = [
      '# leading comment', // 1
      '---', // 2
      '---', // 3
      '# a document with only a comment', // 4
      '---', // 5
      'apiVersion: v1', // 6
      'kind: ConfigMap', // 7
      'metadata:', // 8
      '  name: settings # trailing comment', // 9
      '  namespace: shop', // 10
      'data:', // 11
      '  # comment inside a map', // 12
      '  mode: fast', // 13
      '---', // 14
      '', // 15
      '---', // 16
      'apiVersion: v1', // 17
      'kind: ServiceAccount', // 18
      'metadata:', // 19
      '  name: runner', // 20
      '...', // 21
    ].join('\n');
    const { resources, errors } = readManifests(text, 'multi.yaml');
    expect(errors).toEqual([]);
    expect(summary(resources)).toEqual(['multi.yaml:6-13 ConfigMap/shop/settings', 'multi.yaml:17-20 ServiceAccount/runner']);
    expect(resources[0]!.attributes).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { mode: 'fast' } });
    expect(locate(resources[0]!, 'data.mode').startLine).toBe(13);
  });

  it('reads values as Kubernetes does (YAML 1.1 booleans and octals, merge keys, no sexagesimals or timestamps)', () => {
    const text = [
      'apiVersion: v1', // 1
      'kind: Pod', // 2
      'metadata:', // 3
      '  name: legacy', // 4
      '  labels: {release: 2024-05-01, slot: 1:20, enabled: "yes"}', // 5
      'x-defaults: &ctx', // 6
      '  privileged: no', // 7
      '  runAsUser: 0', // 8
      'spec:', // 9
      '  containers:', // 10
      '    - name: app', // 11
      '      image: app:1', // 12
      '      securityContext:', // 13
      '        <<: *ctx', // 14
      '        privileged: yes', // 15
      '  volumes:', // 16
      '    - name: s', // 17
      '      secret: {secretName: s, defaultMode: 0400}', // 18
    ].join('\n');
    const [pod] = readManifests(text, 'pod.yaml').resources;
    const attrs = pod!.attributes as Record<string, any>;
    expect(attrs.metadata.labels).toEqual({ release: '2024-05-01', slot: '1:20', enabled: 'yes' });
    expect(attrs.spec.containers[0].securityContext).toEqual({ privileged: true, runAsUser: 0 });
    expect(attrs.spec.volumes[0].secret.defaultMode).toBe(0o400);
    expect(locate(pod!, 'spec.containers[0].securityContext.privileged').startLine).toBe(15);
    expect(locate(pod!, 'spec.containers[0].securityContext.runAsUser').startLine).toBe(8);
  });

  it('splits List kinds into their items with exact lines', () => {
    const text = [
      'apiVersion: v1', // 1
      'kind: List', // 2
      'items:', // 3
      '  - apiVersion: v1', // 4
      '    kind: Service', // 5
      '    metadata:', // 6
      '      name: web', // 7
      '    spec:', // 8
      '      type: NodePort', // 9
      '  - apiVersion: apps/v1', // 10
      '    kind: DeploymentList', // 11
      '    items:', // 12
      '      - apiVersion: apps/v1', // 13
      '        kind: Deployment', // 14
      '        metadata: {name: api, namespace: shop}', // 15
      '        spec:', // 16
      '          replicas: 2', // 17
    ].join('\n');
    const { resources } = readManifests(text, 'list.yaml');
    expect(summary(resources)).toEqual(['list.yaml:4-9 Service/web', 'list.yaml:13-17 Deployment/shop/api']);
    expect(locate(resources[0]!, 'spec.type').startLine).toBe(9);
    expect(locate(resources[1]!, 'spec.replicas').startLine).toBe(17);
    expect(resources[0]!.attributes.kind).toBe('Service');
  });

  it('reads rendered Helm output and keeps the template each object came from', () => {
    const text = [
      '---', // 1
      '# Source: shop/templates/serviceaccount.yaml', // 2
      'apiVersion: v1', // 3
      'kind: ServiceAccount', // 4
      'metadata:', // 5
      '  name: shop', // 6
      '  labels:', // 7
      '    helm.sh/chart: shop-1.2.0', // 8
      '---', // 9
      '# Source: shop/templates/rules.yaml', // 10
      'apiVersion: monitoring.coreos.com/v1', // 11
      'kind: PrometheusRule', // 12
      'metadata:', // 13
      '  name: shop', // 14
      'spec:', // 15
      '  groups:', // 16
      '    - name: shop', // 17
      '      rules:', // 18
      '        - alert: Down', // 19
      '          annotations:', // 20
      '            summary: "{{ $labels.instance }} is down"', // 21
    ].join('\n');
    const dir = tree({ 'out/rendered.yaml': text });
    const file = { path: join(dir, 'out/rendered.yaml'), displayPath: 'out/rendered.yaml', size: text.length, head: text };
    expect(kubernetesSource.claims(file)).toBe(true);
    const { resources, errors } = readManifests(text, 'rendered.yaml');
    expect(errors).toEqual([]);
    expect(summary(resources)).toEqual(['rendered.yaml:3-8 ServiceAccount/shop', 'rendered.yaml:11-21 PrometheusRule/shop']);
    expect(resources.map((r) => r.meta?.helmSource)).toEqual(['shop/templates/serviceaccount.yaml', 'shop/templates/rules.yaml']);
  });

  it('reads JSON manifests and JSON Lists with lines', async () => {
    const pod = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'x' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', securityContext: { privileged: true } }] } }, null, 2);
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } }] }, null, 2);
    const dir = tree({ 'pod.json': pod, 'list.json': list, 'package.json': '{"name": "not-k8s", "kind": "module"}' });
    const { resources, errors } = await loadModel([dir], { cwd: dir });
    expect(errors).toEqual([]);
    expect(summary(resources).sort()).toEqual(['list.json:5-11 Namespace/a', 'list.json:12-18 Namespace/b', 'pod.json:1-19 Pod/x/p'].sort());
    const p = resources.find((r) => r.id === 'Pod/x/p')!;
    expect(locate(p, 'spec.containers[0].securityContext.privileged').startLine).toBe(14);
  });

  it('reports malformed JSON as JSON, with its line', () => {
    const missingComma = '{\n  "apiVersion": "v1",\n  "kind": "Pod"\n  "metadata": {"name": "p"}\n}\n';
    const trailingComma = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "p",}\n}\n';
    for (const [text, line] of [[missingComma, 4], [trailingComma, 4]] as const) {
      const { resources, errors } = readManifests(text, 'pod.json');
      expect(resources).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: 'pod.json', line });
      expect(errors[0]!.message).toMatch(/invalid JSON: /);
    }
  });

  it('reports malformed YAML with file and line, and keeps the other documents and files', async () => {
    const bad = [
      'apiVersion: v1', // 1
      'kind: ConfigMap', // 2
      'metadata:', // 3
      '  name: before', // 4
      '---', // 5
      'apiVersion: v1', // 6
      'kind: ConfigMap', // 7
      'metadata:', // 8
      '  name: broken', // 9
      '  labels: {a: b', // 10
      'data:', // 11
      '  x: y', // 12
      '---', // 13
      'apiVersion: v1', // 14
      'kind: ConfigMap', // 15
      'metadata:', // 16
      '  name: after', // 17
    ].join('\n');
    const tabs = 'apiVersion: v1\nkind: Secret\nmetadata:\n\tname: tabbed\n';
    const dir = tree({ 'bad.yaml': bad, 'tabs.yaml': tabs, 'fine.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fine\n' });
    const { resources, errors } = await loadModel([dir], { cwd: dir });
    expect(resources.map((r) => r.id).sort()).toEqual(['ConfigMap/after', 'ConfigMap/before', 'Namespace/fine']);
    expect(errors.map((e) => `${e.file}:${e.line} ${e.kind} ${e.source}`).sort()).toEqual(['bad.yaml:11 parse kubernetes', 'tabs.yaml:4 parse kubernetes']);
    for (const e of errors) expect(e.message).toMatch(/^YAML syntax error: \S/);
    expect(errors.find((e) => e.file === 'bad.yaml')!.message).not.toMatch(/at line \d+/);
  });

  it('reports aliases that refer to their own node instead of looping, and keeps the other documents', () => {
    const selfMerge = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: &d\n  <<: *d\n  k: v\n';
    const selfList = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\nlist: &l [1, *l]\n';
    const ok = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\nbase: &b {k: 1}\ndata:\n  <<: [*b, *b]\n  z: "0"\n';
    const { resources, errors } = readManifests([selfMerge, selfList, ok].join('---\n'), 'cycles.yaml');
    expect(errors.map((e) => `${e.line} ${e.message.replace(/^cycles\.yaml:\d+: /, '')}`)).toEqual(['5 alias *d refers to a node that contains it', '11 alias *l refers to a node that contains it']);
    expect(resources.map((r) => r.id)).toEqual(['ConfigMap/ok']);
    expect(resources[0]!.attributes.data).toEqual({ z: '0', k: 1 });
  });

  it('never throws on arbitrary line soup: resources and errors stay inside the file', () => {
    const fragment = fc.constantFrom(
      '---', '...', 'apiVersion: v1', 'kind: Pod', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: Secret', 'metadata:', '  name: x', '  name: [', '  labels: {a: b',
      '- a', '  <<: *x', 'base: &x', '  k: v', '\tname: tab', '"unterminated', '# Source: c/templates/a.yaml', '', 'spec: {', '}', '  - ', 'key: |', '  text', '%YAML 1.2',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (lines) => {
        const { resources, errors } = readManifests(lines.join('\n'), 'f.yaml');
        const total = Math.max(1, lines.length);
        for (const r of resources) expect(r.location.endLine).toBeLessThanOrEqual(total);
        for (const e of errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(total + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not claim YAML that is not Kubernetes', () => {
    const claims = (path: string, head: string) => kubernetesSource.claims({ path, displayPath: path, size: head.length, head });
    expect(claims('/r/docker-compose.yaml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n')).toBe(false);
    expect(claims('/r/.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n')).toBe(false);
    expect(claims('/r/chart/Chart.yaml', 'apiVersion: v2\nname: shop\nversion: 1.2.0\n')).toBe(false);
    expect(claims('/r/template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n# apiVersion: x\n# kind: y\n')).toBe(false);
    expect(claims('/r/package.json', '{"name": "x", "version": "1.0.0"}')).toBe(false);
    expect(claims('/r/notes.txt', 'apiVersion: v1\nkind: Pod\n')).toBe(false);
    expect(claims('/r/pod.yml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n')).toBe(true);
  });

  it('skips un-rendered Helm templates without an error, wherever they are', async () => {
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "shop.fullname" . }}',
      'spec:',
      '  {{- if not .Values.autoscaling.enabled }}',
      '  replicas: {{ .Values.replicaCount }}',
      '  {{- end }}',
    ].join('\n');
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n{{- with .Values.service.annotations }}\n  annotations:\n    {{- toYaml . | nindent 4 }}\n{{- end }}\n';
    const longTemplate = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${'  filler: "0123456789012345678901234567890123456789"\n'.repeat(250)}  late: {{ .Values.late | quote }}\n`;
    const dir = tree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.2.0\n',
      'chart/values.yaml': 'replicaCount: 2\nservice:\n  annotations: {}\n',
      'chart/templates/deployment.yaml': deployment,
      'chart/templates/_helpers.tpl': '{{- define "shop.fullname" -}}shop{{- end }}\n',
      'other/service.yaml': service,
      'other/big.yaml': longTemplate,
      'rendered/alerts.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alertmanager\ndata:\n  tmpl: |\n    {{ range .Alerts }}{{ .Annotations.summary }}{{ end }}\n',
    });
    const { resources, errors } = await loadModel([dir], { cwd: dir });
    expect(errors).toEqual([]);
    expect(summary(resources)).toEqual(['rendered/alerts.yaml:1-7 ConfigMap/alertmanager']);
    expect(isUnrenderedHelm(deployment, 'chart/templates/deployment.yaml')).toBe(true);
    expect(isUnrenderedHelm('a: b\n{{- if x }}\nc: d\n{{- end }}\n', 'chart/templates/x.yaml')).toBe(true);
    expect(isUnrenderedHelm('a: "{{ $labels.x }}"\n', 'out/shop/templates/rules.yaml')).toBe(false);
  });
});
