/**
 * The Java classes of the stand-in artifacts, compiled by the test. They are no real
 * connectors (there is no Kafka API to compile against offline), but each is named as a
 * cluster names it and has a `version()` that touches the classes it depends on, so
 * loading and calling it proves its dependencies are where Connect would look.
 */

export interface JavaJar {
  /** The jar's file name. */
  jar: string;
  /** Source files: fully qualified class name → body. */
  classes: Record<string, string>;
  /** Other jars of this list it is compiled against. */
  classpath?: string[];
}

function source(fqcn: string, body: string): string {
  const dot = fqcn.lastIndexOf('.');
  return `package ${fqcn.slice(0, dot)};\npublic class ${fqcn.slice(
    dot + 1,
  )} {\n${body}\n}\n`;
}

const versionOnly = (text: string) =>
  `  public String version() { return ${JSON.stringify(text)}; }`;

export const CLASSES = {
  fileProvider: 'org.apache.kafka.common.config.provider.FileConfigProvider',
  jsonConverter: 'org.apache.kafka.connect.json.JsonConverter',
  mysqlConnector: 'com.example.mysql.MySqlConnector',
  binlogReader: 'com.example.mysql.binlog.BinlogReader',
  postgresConnector: 'com.example.postgres.PostgresConnector',
  extractTimestamp: 'com.example.transforms.ExtractTimestamp',
  awsProvider:
    'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider',
  ordersConnector: 'com.example.orders.OrdersSourceConnector',
  orderReader: 'com.example.orders.core.OrderReader',
  orderCodec: 'com.example.orders.codec.OrderCodec',
  orderConverter: 'com.example.convert.OrderConverter',
} as const;

/** Kafka's own classes the configuration names: in the stand-in base image's libs. */
export const KAFKA_LIBS_JAR: JavaJar = {
  jar: 'kafka-standin.jar',
  classes: {
    [CLASSES.fileProvider]: versionOnly('file provider'),
    [CLASSES.jsonConverter]: versionOnly('json converter'),
  },
};

/** The Maven artifacts: connector → core (compile) → codec (runtime). */
export const ORDERS_JARS = {
  codec: {
    jar: 'orders-codec-1.0.0.jar',
    classes: {
      [CLASSES.orderCodec]: `  public String name() { return "codec"; }\n${versionOnly(
        'codec',
      )}`,
    },
  },
  core: {
    jar: 'orders-core-1.0.0.jar',
    classpath: ['orders-codec-1.0.0.jar'],
    classes: {
      [CLASSES.orderReader]: `  public String read() { return new ${CLASSES.orderCodec}().name(); }`,
    },
  },
  // Uses the codec directly, which only the core's dependencies bring: a transitive one.
  connector: {
    jar: 'orders-connector-1.0.0.jar',
    classpath: ['orders-core-1.0.0.jar', 'orders-codec-1.0.0.jar'],
    classes: {
      [CLASSES.ordersConnector]: `  public String version() { return "orders via " + new ${CLASSES.orderReader}().read() + " and " + new ${CLASSES.orderCodec}().name(); }`,
    },
  },
} satisfies Record<string, JavaJar>;

export const PLUGIN_JARS = {
  binlog: {
    jar: 'mysql-binlog-connector.jar',
    classes: {
      [CLASSES.binlogReader]: '  public String read() { return "binlog"; }',
    },
  },
  mysql: {
    jar: 'debezium-connector-mysql.jar',
    classpath: ['mysql-binlog-connector.jar'],
    classes: {
      [CLASSES.mysqlConnector]: `  public String version() { return "mysql via " + new ${CLASSES.binlogReader}().read(); }`,
    },
  },
  postgres: {
    jar: 'debezium-connector-postgres.jar',
    classes: { [CLASSES.postgresConnector]: versionOnly('postgres') },
  },
  transforms: {
    jar: 'kafka-connect-transform-common.jar',
    classes: { [CLASSES.extractTimestamp]: versionOnly('transform') },
  },
  aws: {
    jar: 'csid-secrets-provider-aws.jar',
    classes: { [CLASSES.awsProvider]: versionOnly('aws provider') },
  },
  converter: {
    jar: 'order-converter.jar',
    classes: { [CLASSES.orderConverter]: versionOnly('converter') },
  },
} satisfies Record<string, JavaJar>;

export function javaSources(jar: JavaJar): Array<[string, string]> {
  return Object.entries(jar.classes).map(([fqcn, body]) => [
    `${fqcn.split('.').join('/')}.java`,
    source(fqcn, body),
  ]);
}

/**
 * Run inside the image: loads a class from the jars under one folder only (parent: the
 * JVM's platform loader, so nothing of Kafka's), makes one and prints its version().
 */
export const LOADER_SOURCE = `import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public class Loader {
  public static void main(String[] args) throws Exception {
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Paths.get(args[0]))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.toString().endsWith(".jar")) jars.add(file.toUri().toURL());
      }
    }
    URLClassLoader loader = new URLClassLoader(jars.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    Object made = Class.forName(args[1], true, loader).getDeclaredConstructor().newInstance();
    System.out.println(made.getClass().getMethod("version").invoke(made));
  }
}
`;
