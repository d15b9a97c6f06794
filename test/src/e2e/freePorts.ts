import { createServer, Server } from 'node:net';

/** Distinct ports that nothing listens on, on any interface, at the time of the call. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        // No host: the dual-stack wildcard, so the port is free on IPv4 and IPv6 alike.
        server.listen(0, () => resolve());
      });
    }
    return servers.map(s => {
      const address = s.address();
      if (!address || typeof address === 'string') {
        throw new Error('A listening TCP server has no port');
      }
      return address.port;
    });
  } finally {
    await Promise.all(
      servers.map(s => new Promise<void>(resolve => s.close(() => resolve()))),
    );
  }
}
