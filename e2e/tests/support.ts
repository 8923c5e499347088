/** What the tests need from the running commands (see support/global-setup.ts). */
export const appUrl = () => process.env.PORTOLAN_URL as string;

/** Call the simulated cluster's Kubernetes API directly, as kubectl would. */
export async function kube(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${process.env.PORTOLAN_SIM_URL}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(process.env.PORTOLAN_SIM_TOKEN
        ? { authorization: `Bearer ${process.env.PORTOLAN_SIM_TOKEN}` }
        : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
