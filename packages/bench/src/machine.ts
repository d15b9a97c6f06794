import os from 'node:os';

/** What the figures were taken on; whether the machine was otherwise idle is not known. */
export function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map(l => Math.round(l * 100) / 100),
  };
}
