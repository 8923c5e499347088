/** Test helpers for network conditions. */
import { createServer } from 'node:net';

/** A loopback port that was free a moment ago and has nothing listening: connections are refused. */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
