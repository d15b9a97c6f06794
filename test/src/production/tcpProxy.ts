import { createConnection, createServer, Server, Socket } from 'node:net';
import { freePorts } from '../e2e/freePorts';

/**
 * A TCP proxy between the backends and PostgreSQL, so that a test can cut the database
 * connection as a network would: `cut()` drops every open connection and refuses new ones
 * (nothing listens on the port), `restore()` listens on the same port again.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(
  targetHost: string,
  targetPort: number,
): Promise<TcpProxy> {
  const [port] = await freePorts(1);
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset during a cut is expected; it must not reach the test as an unhandled error.
    socket.on('error', () => socket.destroy());
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(client => {
        track(client);
        const upstream = createConnection(targetPort, targetHost);
        track(upstream);
        client.pipe(upstream);
        upstream.pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        resolve();
      });
    });
  const cut = async () => {
    const closing = server;
    server = undefined;
    if (closing) {
      await new Promise<void>(resolve => {
        closing.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    }
    for (const socket of sockets) socket.destroy();
  };

  await listen();
  return {
    port,
    cut,
    restore: async () => {
      if (!server) await listen();
    },
    close: cut,
  };
}
