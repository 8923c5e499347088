/** Test helpers for network conditions. */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A loopback port that was free a moment ago and has nothing listening: connections are refused. */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** A kubeconfig in `dir` whose only context (`context`) names a cluster on a closed loopback port. */
export async function deadClusterKubeconfig(
  dir: string,
  context = 'gone',
  user: string = '{ token: t }',
): Promise<{ file: string; port: number }> {
  const port = await closedPort();
  const file = join(dir, `dead-${context}.yaml`);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: "https://127.0.0.1:${port}" } }]
users: [{ name: u, user: ${user} }]
contexts: [{ name: ${context}, context: { cluster: c, user: u } }]
current-context: ${context}
`,
  );
  return { file, port };
}

/** Poll until `fn` gives a value (not undefined), or fail naming what was awaited. */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
