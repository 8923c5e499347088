/**
 * The context picker: which kubeconfig contexts there are, and switching
 * Portolan to another one. Only when the server was started with
 * `--context-picker`, and only for the person who started it (never for a
 * share link or an anonymous viewer). Switching changes what Portolan
 * reads, never the cluster; a context that does not answer is refused with
 * its reason and the current one stays.
 */
import type { FastifyInstance } from 'fastify';
import { PortolanError } from './errors.js';
import { preflight } from './kube-request.js';
import type { ResolvedKubeconfig } from './kubeconfig.js';
import type { ClusterSource } from './source.js';

export interface ContextChoice {
  name: string;
  /** The API server URL (no credentials). */
  cluster: string;
  namespace?: string;
}

export interface ContextSwitching {
  /** Every context of the kubeconfig the server was started with. */
  list(): ContextChoice[];
  /** That kubeconfig resolved for another context (throws PortolanError). */
  resolve(name: string): ResolvedKubeconfig;
}

/** Contexts of a resolved kubeconfig, for the picker. */
export function contextChoices(config: ResolvedKubeconfig): ContextChoice[] {
  return config.kc.getContexts().map((c) => ({
    name: c.name,
    cluster: config.kc.getCluster(c.cluster)?.server ?? '(unknown cluster)',
    ...(c.namespace ? { namespace: c.namespace } : {}),
  }));
}

export function registerContextRoutes(
  app: FastifyInstance,
  source: ClusterSource,
  switching: ContextSwitching | undefined,
  /** May this request switch (the local user or the owner)? */
  mayChoose: (req: unknown) => boolean,
): void {
  app.get('/api/contexts', async (req) => {
    const allowed = switching !== undefined && mayChoose(req);
    return {
      current: source.config.context,
      switchable: allowed,
      contexts: allowed
        ? switching.list()
        : [{ name: source.config.context, cluster: source.config.server }],
    };
  });

  let switchingNow = false;
  app.post('/api/context', async (req, reply) => {
    if (!switching) {
      return reply.code(403).send({
        error:
          'This Portolan was started without --context-picker, so its context cannot be changed from the browser. Restart it with --context NAME, or with --context-picker.',
      });
    }
    if (!mayChoose(req)) {
      return reply.code(403).send({
        error: 'Only the person who started this Portolan can switch its context.',
      });
    }
    const name = (req.body as { context?: unknown } | undefined)?.context;
    if (typeof name !== 'string' || !switching.list().some((c) => c.name === name)) {
      return reply.code(400).send({
        error: `No context ${JSON.stringify(name)} in the kubeconfig; contexts: ${switching
          .list()
          .map((c) => c.name)
          .join(', ')}.`,
      });
    }
    if (switchingNow) {
      return reply.code(409).send({ error: 'A context switch is already under way; try again.' });
    }
    switchingNow = true;
    try {
      const config = switching.resolve(name);
      await preflight(config.kc, config.server, config.context);
      await source.switchTo(config);
      return { current: config.context, cluster: config.server };
    } catch (err) {
      if (!(err instanceof PortolanError)) throw err;
      return reply.code(502).send({
        error: `Still showing ${source.config.context}: ${err.message}`,
        hint: err.hint,
        code: err.code,
      });
    } finally {
      switchingNow = false;
    }
  });
}
