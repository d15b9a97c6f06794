import { Config, ConfigReader } from '@backstage/config';

/** `config` with `scaffolder.requireScmUserCredentials: true`, as a platform turns it on. */
export function requiringUserCredentials(config: Config): ConfigReader {
  return ConfigReader.fromConfigs([
    { context: 'test', data: config.get() },
    {
      context: 'platform',
      data: { scaffolder: { requireScmUserCredentials: true } },
    },
  ]);
}
