import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { parse } from 'yaml';
import { fullValues } from '../fixtures/fullValues';
import {
  fileOf,
  K8sObject,
  manifestsOf,
  parseYamlStream,
  skeletonOf,
} from './renderHelpers';

function byKindAndName(objects: K8sObject[]): K8sObject[] {
  const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
  return [...objects].sort((a, b) => key(a).localeCompare(key(b)));
}

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('layouts', () => {
  const values = fullValues('1.2.0');
  const manifests = manifestsOf(values);

  it('kustomize: kubectl kustomize builds the objects that manifests prints', () => {
    if (!kubectlAvailable()) {
      throw new Error(
        "kubectl is missing: run scripts/setup.sh (it installs Debian's kubernetes-client)",
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'kustomize-'));
    try {
      for (const file of skeletonOf(values, 'kustomize')) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.content);
      }
      const built = execFileSync('kubectl', ['kustomize', dir], {
        encoding: 'utf8',
      });
      expect(byKindAndName(parseYamlStream(built))).toEqual(
        byKindAndName(manifests),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('helm: values.yaml holds exactly the objects, and each template only places its section', () => {
    const files = skeletonOf(values, 'helm');
    const { objects } = parse(fileOf(files, 'values.yaml')) as {
      objects: Record<string, K8sObject>;
    };
    expect(byKindAndName(Object.values(objects))).toEqual(
      byKindAndName(manifests),
    );
    const templates = files.filter(f => f.path.startsWith('templates/'));
    expect(templates).toHaveLength(Object.keys(objects).length);
    for (const template of templates) {
      const key = template.path.replace(/^templates\/|\.yaml$/g, '');
      expect(template.content).toBe(
        `{{- with index .Values.objects "${key}" }}\n{{ toYaml . }}\n{{- end }}\n`,
      );
    }
    expect(parse(fileOf(files, 'Chart.yaml'))).toMatchObject({
      apiVersion: 'v2',
      name: 'orders-sink',
    });
  });

  it('manifests: every object lives in the cluster namespace and carries the catalog label', () => {
    for (const object of manifests) {
      expect(object.metadata).toMatchObject({
        namespace: 'data-connect',
        labels: { 'backstage.io/kubernetes-id': 'orders-sink-staging' },
      });
    }
    expect(manifests.map(o => o.kind)).toEqual([
      'ConfigMap',
      'Role',
      'RoleBinding',
      'NetworkPolicy',
      'KafkaConnect',
      'KafkaConnector',
      'KafkaConnector',
    ]);
  });
});
