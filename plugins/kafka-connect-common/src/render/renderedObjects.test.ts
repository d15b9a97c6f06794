import { parse, parseAllDocuments } from 'yaml';
import { renderCluster, renderManifests, renderSkeleton } from '../skeleton';
import { GENERATOR_VERSION } from '../generator';

function objects(values: Record<string, unknown>): any[] {
  const result = renderManifests(values);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return parseAllDocuments(result.value).map(d => d.toJS());
}

function ofKind(values: Record<string, unknown>, kind: string): any {
  return objects(values).find(o => o.kind === kind);
}

const BASE = {
  name: 'orders',
  namespace: 'data',
  owner: 'group:default/data-platform',
  kafka: { bootstrapServers: 'kafka:9092' },
};

describe('KafkaConnect', () => {
  it('puts group and topics at the top level on v1 (1.0.0 and newer)', () => {
    const spec = ofKind(
      { ...BASE, strimzi: { version: '1.0.0' } },
      'KafkaConnect',
    ).spec;
    expect(spec).toMatchObject({
      groupId: 'data.orders',
      offsetStorageTopic: 'data.orders.offsets',
      configStorageTopic: 'data.orders.configs',
      statusStorageTopic: 'data.orders.status',
    });
    expect(spec.config['group.id']).toBeUndefined();
  });

  it('puts group and topics into config on v1beta2 (0.51.0 and older)', () => {
    const connect = ofKind(
      { ...BASE, strimzi: { version: '0.51.0' } },
      'KafkaConnect',
    );
    expect(connect.apiVersion).toBe('kafka.strimzi.io/v1beta2');
    expect(connect.spec.groupId).toBeUndefined();
    expect(connect.spec.config).toMatchObject({
      'group.id': 'data.orders',
      'offset.storage.topic': 'data.orders.offsets',
      'config.storage.replication.factor': -1,
    });
  });

  it('ANDs a nodeSelector into every required node affinity term', () => {
    const affinity = ofKind(
      {
        ...BASE,
        scheduling: {
          nodeSelector: { workload: 'streaming' },
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      { key: 'zone', operator: 'In', values: ['a'] },
                    ],
                  },
                  {
                    matchFields: [
                      { key: 'metadata.name', operator: 'In', values: ['n1'] },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
      'KafkaConnect',
    ).spec.template.pod.affinity;
    const streaming = {
      key: 'workload',
      operator: 'In',
      values: ['streaming'],
    };
    expect(
      affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
        .nodeSelectorTerms,
    ).toEqual([
      {
        matchExpressions: [
          { key: 'zone', operator: 'In', values: ['a'] },
          streaming,
        ],
      },
      {
        matchExpressions: [streaming],
        matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }],
      },
    ]);
  });

  it('renders config providers with their classes and params, and RBAC for the Kubernetes ones', () => {
    const values = {
      ...BASE,
      image: {
        skipClassCheck: [
          'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider',
        ],
      },
      configProviders: [
        {
          name: 'aws',
          type: 'aws-secrets-manager',
          params: { 'aws.region': 'eu-west-1' },
        },
        { name: 'secrets', type: 'kubernetes-secret' },
        { name: 'env', type: 'env' },
      ],
    };
    const config = ofKind(values, 'KafkaConnect').spec.config;
    expect(config).toMatchObject({
      'config.providers': 'aws,secrets,env',
      'config.providers.aws.class':
        'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider',
      'config.providers.aws.param.aws.region': 'eu-west-1',
      'config.providers.secrets.class':
        'io.strimzi.kafka.KubernetesSecretConfigProvider',
      'config.providers.env.class':
        'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
    });
    expect(ofKind(values, 'Role').rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
    ]);
    expect(ofKind(values, 'RoleBinding').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'orders-connect', namespace: 'data' },
    ]);
    expect(
      ofKind(
        { ...BASE, configProviders: [{ name: 'env', type: 'env' }] },
        'Role',
      ),
    ).toBeUndefined();
  });

  it('points the JVM at the custom truststore when certificates are given', () => {
    const spec = ofKind(
      {
        ...BASE,
        image: { name: 'registry.example.com/x' },
        truststore: {
          certificates: [
            {
              name: 'rds',
              url: 'https://truststore.example.com/global-bundle.pem',
            },
          ],
        },
      },
      'KafkaConnect',
    ).spec;
    expect(spec.jvmOptions.javaSystemProperties).toEqual(
      expect.arrayContaining([
        {
          name: 'javax.net.ssl.trustStore',
          value: '/opt/kafka/custom-truststore.jks',
        },
      ]),
    );
    expect(spec.image).toMatch(
      /^registry\.example\.com\/x:1\.2\.0-kafka-4\.3\.1-[0-9a-f]{8}$/,
    );
  });

  it('wires the JMX exporter to the metrics ConfigMap and annotates the pods', () => {
    const [configMap, connect] = objects(BASE);
    expect(connect.spec.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: {
        configMapKeyRef: { name: 'orders-metrics', key: 'metrics-config.yml' },
      },
    });
    expect(configMap.metadata.name).toBe('orders-metrics');
    const rules = parse(configMap.data['metrics-config.yml']);
    expect(rules.rules.map((r: any) => r.name)).toEqual(
      expect.arrayContaining([
        'kafka_connect_connector_$2',
        'kafka_connect_connector_task_status',
        'kafka_connect_worker_$1',
      ]),
    );
    expect(connect.spec.template.pod.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9404',
      'prometheus.io/path': '/metrics',
    });
    const off = objects({ ...BASE, metrics: { enabled: false } });
    expect(off.map(o => o.kind)).toEqual(['KafkaConnect']);
    expect(off[0].spec.metricsConfig).toBeUndefined();
  });

  it('uses the Strimzi Metrics Reporter without a ConfigMap when asked', () => {
    const all = objects({
      ...BASE,
      metrics: { type: 'strimziMetricsReporter' },
    });
    expect(all.map(o => o.kind)).toEqual(['KafkaConnect']);
    expect(all[0].spec.metricsConfig).toEqual({
      type: 'strimziMetricsReporter',
    });
  });

  it('lets only the listed pods reach the REST API', () => {
    const policy = ofKind(
      {
        ...BASE,
        apiAccess: [
          {
            name: 'ui',
            namespace: 'observability',
            podLabels: { app: 'kafka-ui' },
          },
        ],
      },
      'NetworkPolicy',
    );
    expect(policy.metadata.name).toBe('orders-connect-api-access');
    expect(policy.spec).toEqual({
      podSelector: {
        matchLabels: {
          'strimzi.io/cluster': 'orders',
          'strimzi.io/kind': 'KafkaConnect',
        },
      },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              podSelector: { matchLabels: { app: 'kafka-ui' } },
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'observability' },
              },
            },
          ],
          ports: [{ protocol: 'TCP', port: 8083 }],
        },
      ],
    });
  });

  it('renders emptyDir size limits in the shape each release wants', () => {
    const volume = (version: string) =>
      ofKind(
        {
          ...BASE,
          strimzi: { version },
          volumes: [
            {
              name: 'tmp',
              mountPath: '/mnt/tmp',
              emptyDir: { sizeLimit: '256Mi', medium: '' },
            },
          ],
        },
        'KafkaConnect',
      ).spec.template.pod.volumes[0];
    expect(volume('0.48.0')).toEqual({
      name: 'tmp',
      emptyDir: { sizeLimit: { amount: '256', format: 'Mi' } },
    });
    expect(volume('0.49.0')).toEqual({
      name: 'tmp',
      emptyDir: { sizeLimit: '256Mi' },
    });
  });
});

describe('catalog-info.yaml', () => {
  it('is a Resource tied to its Kubernetes objects and its template', () => {
    const result = renderSkeleton({
      ...BASE,
      system: 'orders',
      environment: 'prod',
      description: 'Orders',
    });
    if (!result.ok) throw new Error('rejected');
    const entity = parse(
      result.value.find(f => f.path === 'catalog-info.yaml')!.content,
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'orders-prod',
        description: 'Orders',
        labels: { environment: 'prod' },
        annotations: {
          'backstage.io/kubernetes-id': 'orders-prod',
          'backstage.io/kubernetes-namespace': 'data',
          'backstage.io/source-template':
            'template:default/kafka-connect-cluster',
          'kafka-connect/generator': 'kafka-connect-skeleton',
          'kafka-connect/generator-version': GENERATOR_VERSION,
          'kafka-connect/strimzi-version': '1.2.0',
          'kafka-connect/strimzi-api-version': 'kafka.strimzi.io/v1',
          'kafka-connect/kafka-version': '4.3.1',
          'kafka-connect/bootstrap-servers': 'kafka:9092',
        },
        tags: ['kafka-connect', 'strimzi'],
      },
      spec: {
        type: 'kafka-connect-cluster',
        owner: 'group:default/data-platform',
        system: 'orders',
      },
    });
  });
});

describe('renderCluster', () => {
  it('gives the same objects as the manifests and says where the image comes from', () => {
    const values = {
      ...BASE,
      image: { name: 'registry.example.com/x' },
      plugins: [
        {
          name: 'jdbc',
          artifacts: [
            {
              type: 'maven',
              group: 'io.confluent',
              artifact: 'jdbc',
              version: '1.0',
            },
          ],
        },
      ],
    };
    const cluster = renderCluster(values);
    if (!cluster.ok) throw new Error(JSON.stringify(cluster.problems));
    expect(cluster.value.objects).toEqual(objects(values));
    expect(cluster.value.image).toEqual({
      reference: ofKind(values, 'KafkaConnect').spec.image,
      source: 'dockerfile',
    });
    const plain = renderCluster(BASE);
    expect(plain.ok && plain.value.image).toEqual({
      reference: 'quay.io/strimzi/kafka:1.2.0-kafka-4.3.1',
      source: 'strimzi-image',
    });
    const built = renderCluster({
      ...values,
      image: { name: 'registry.example.com/x', tag: 't1', build: 'strimzi' },
    });
    expect(built.ok && built.value.image).toEqual({
      reference: 'registry.example.com/x:t1',
      source: 'strimzi-build',
    });
  });
});
