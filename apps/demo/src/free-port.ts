import { createServer } from 'node:net';

/**
 * Whether `port` on `host` can be listened on now. (Another process may take it right after;
 * the demo only uses this to fall back to a random port instead of failing on a busy 8080.)
 */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => {
      probe.close(() => resolve(true));
    });
  });
}
