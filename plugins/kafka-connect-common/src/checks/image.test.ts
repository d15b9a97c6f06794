import { spawnSync } from 'node:child_process';
import { renderSkeleton, validateValues } from '../skeleton';
import { MAX_RUN_STEP_BYTES } from './image';

/**
 * Found by the hostile-string suite (test/src/hostile): long Maven coordinates were
 * accepted and made a RUN step longer than one process argument may be, so the image
 * build failed with E2BIG instead of the values being refused.
 */
function values(artifacts: number, coordinateLength: number) {
  const long = 'v'.repeat(coordinateLength);
  return {
    name: 'orders',
    namespace: 'data',
    owner: 'user:jane',
    kafka: { bootstrapServers: 'kafka:9092' },
    image: { name: 'registry.example.com/data/orders-connect' },
    plugins: [
      {
        name: 'big',
        artifacts: Array.from({ length: artifacts }, (_, i) => ({
          type: 'maven',
          group: `g${i}`,
          artifact: long,
          version: long,
        })),
      },
    ],
  };
}

describe('the size of a Dockerfile RUN step', () => {
  it('refuses a plugin whose download step would not fit in one sh -c argument', () => {
    // A Maven artifact's builder step holds its coordinates twice (the pom and the message).
    expect(validateValues(values(1, 40_000))).toEqual([
      {
        path: 'plugins[0].artifacts',
        message: expect.stringContaining(String(MAX_RUN_STEP_BYTES)),
      },
    ]);
  });

  it('renders a plugin whose step fits, and sh -c takes the step', () => {
    const rendered = renderSkeleton(values(1, 10_000));
    expect(rendered.ok).toBe(true);
    const dockerfile = rendered.ok
      ? rendered.value.find(f => f.path === 'Dockerfile')!.content
      : '';
    const script = dockerfile
      .split('\n')
      .filter(l => !l.startsWith('#'))
      .join('\n')
      .split('\nRUN ')[1]
      .split('\n\n')[0];
    const run = spawnSync('sh', ['-n', '-c', script]);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
  });

  it('refuses a truststore step that would not fit', () => {
    const v = values(1, 10);
    const certificates = Array.from({ length: 80 }, (_, i) => ({
      name: `ca${i}`,
      url: `https://pki.example.com/${'p'.repeat(2000)}/${i}.pem`,
    }));
    expect(validateValues({ ...v, truststore: { certificates } })).toEqual([
      {
        path: 'truststore.certificates',
        message: expect.stringContaining('PEM bundle'),
      },
    ]);
  });
});
