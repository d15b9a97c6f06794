import { Page } from 'playwright-core';
import { stringify } from 'yaml';
import { addItem, expectRefusedNextTo } from './formDriver';
import { SeedValues } from './seedCluster';

/**
 * The wrong value each page of the Kafka Connect template is given once the seed's values
 * are in: the page must name it next to its field and stay on Next (expectRefusedNextTo);
 * then the right value goes back in.
 */

interface WrongValue {
  /** The field's id. */
  id: string;
  wrong(v: SeedValues): string;
  /** What the page says next to the field. */
  message: string;
  /** Makes the field (a list item the seed does not have). */
  add?(page: Page): Promise<void>;
  /** Puts the page right again; by default, the field gets its value from before back. */
  undo?(page: Page): Promise<void>;
}

const DNS_LABEL = 'must be a DNS-1123 label';
const DNS_SUBDOMAIN = 'must be a DNS-1123 subdomain';

const WRONG_VALUES: Record<string, WrongValue> = {
  'Cluster and owner': {
    id: 'root_name',
    wrong: () => 'My_Connect',
    message: DNS_LABEL,
  },
  'Kafka connection': {
    id: 'root_kafka_bootstrapServers',
    // A list that forgot the port.
    wrong: () => 'my-cluster-kafka-bootstrap',
    message:
      'must be host:port[,host:port], for example my-cluster-kafka-bootstrap.kafka.svc:9093',
  },
  'Image and plugins': {
    id: 'root_plugins_0_artifacts_0_sha512sum',
    // A checksum cut short by a bad copy.
    wrong: v => v.plugins[0].artifacts[0].sha512sum!.slice(0, 40),
    message: 'must be the 128 lower-case hex digits of the SHA-512 checksum',
  },
  Security: {
    id: 'root_truststore_certificates_0_url',
    // A URL pasted with a space in it.
    wrong: v =>
      v.truststore.certificates[0].url.replace(
        'global-bundle',
        'global bundle',
      ),
    message: 'must be an http(s) URL without spaces',
  },
  'Scheduling and resources': {
    id: 'root_scheduling_yaml',
    wrong: v =>
      stringify(v.scheduling).replace('operator: In', 'operator: Within'),
    message:
      'matchExpressions[0].operator: must be one of: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
  },
  // The seed sets nothing here: a priority class named as no Kubernetes name can be, then cleared.
  'Pods and labels': {
    id: 'root_pod_priorityClassName',
    wrong: () => 'Bad_Class',
    message: DNS_SUBDOMAIN,
  },
  // A ConfigMap of one's own rules, named as no Kubernetes name can be; then left out again.
  'Monitoring and logging': {
    id: 'root_metrics_configMap_name',
    wrong: () => 'My_Rules',
    message: DNS_SUBDOMAIN,
  },
  'Volumes and environment': {
    id: 'root_volumes_0_mountPath',
    // Strimzi mounts extra volumes below /mnt/ only.
    wrong: v => v.volumes[0].mountPath.replace('/mnt/', '/etc/'),
    message:
      'must be below /mnt/ (Strimzi mounts additional volumes only there)',
  },
  'API access': {
    id: 'root_apiAccess_0_name',
    wrong: () => 'Redpanda Console',
    message: DNS_LABEL,
  },
  // The seed runs its connectors elsewhere: one started here by mistake, then removed.
  Connectors: {
    id: 'root_connectors_0_name',
    wrong: () => 'Orders_CDC',
    message: DNS_SUBDOMAIN,
    add: page => addItem(page, 'Connectors'),
    async undo(page) {
      await page.getByTitle('Remove').first().click();
      await page
        .locator('#root_connectors_0_name')
        .waitFor({ state: 'detached' });
    },
  },
};

/** Types the page's wrong value, sees it refused, and puts the page right again. */
export async function refuseWrongValue(
  page: Page,
  title: string,
  values: SeedValues,
) {
  const wrong = WRONG_VALUES[title];
  if (!wrong) throw new Error(`No wrong value for the page "${title}"`);
  await wrong.add?.(page);
  const field = page.locator(`#${wrong.id}`);
  const right = await field.inputValue();
  await field.fill(wrong.wrong(values));
  await expectRefusedNextTo(page, field, wrong.message, title);
  if (wrong.undo) await wrong.undo(page);
  else await field.fill(right);
}
