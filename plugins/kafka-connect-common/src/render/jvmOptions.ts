import { TRUSTSTORE_PASSWORD, TRUSTSTORE_PATH } from '../dockerfile';
import { ParsedValues } from '../values/schema';

type JvmOptionsInput = Pick<
  ParsedValues,
  'jvmOptions' | 'truststore' | 'image'
>;

/** True when the Dockerfile's truststore adds the javax.net.ssl system properties. */
export function truststoreAddsSystemProperties(values: JvmOptionsInput) {
  const certificates = values.truststore?.certificates ?? [];
  return certificates.length > 0 && values.image.build === 'dockerfile';
}

/** The Dockerfile's truststore becomes the JVM default, so every connector trusts the bundles. */
export function jvmOptions(values: JvmOptionsInput) {
  if (!truststoreAddsSystemProperties(values)) return values.jvmOptions;
  const given = values.jvmOptions?.javaSystemProperties ?? [];
  const truststoreProperties = [
    { name: 'javax.net.ssl.trustStore', value: TRUSTSTORE_PATH },
    { name: 'javax.net.ssl.trustStorePassword', value: TRUSTSTORE_PASSWORD },
    { name: 'javax.net.ssl.trustStoreType', value: 'JKS' },
  ].filter(p => !given.some(g => g.name === p.name));
  return {
    ...values.jvmOptions,
    javaSystemProperties: [...given, ...truststoreProperties],
  };
}
