/**
 * Starts `portolan-sim` (demo scenario, its own kubeconfig) and then
 * `portolan --kubeconfig` on it, exactly as a user would, on free loopback
 * ports. Tests read PORTOLAN_URL, PORTOLAN_SIM_URL and PORTOLAN_SIM_TOKEN.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startOwnStack, stop } from './own-stack.js';
import { readKubeconfig } from './processes.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startOwnStack('demo');
  const access = readKubeconfig(stack.kubeconfig);
  if (!access) throw new Error(`cannot read the simulator's kubeconfig ${stack.kubeconfig}`);
  process.env.PORTOLAN_URL = stack.url;
  process.env.PORTOLAN_SIM_URL = access.url;
  if (access.token) process.env.PORTOLAN_SIM_TOKEN = access.token;
  if (access.caPem) {
    // The simulator serves HTTPS with its own CA: the test workers (started after this) trust it.
    const ca = join(dirname(stack.kubeconfig), 'sim-ca.pem');
    writeFileSync(ca, access.caPem);
    process.env.NODE_EXTRA_CA_CERTS = ca;
  }
  return async () => {
    await stop(stack.app);
    await stop(stack.sim);
  };
}
