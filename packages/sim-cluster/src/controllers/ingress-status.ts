/**
 * An ingress controller's status writer, in the manner of ingress-nginx's
 * `--publish-service`: an IngressClass annotated
 * `sim.portolan.dev/publish-service: <namespace>/<service>` is served by a
 * controller whose address is that Service's LoadBalancer ingress; every
 * Ingress of the class (by `spec.ingressClassName`, or without a class when
 * the class is the default one) gets that address in
 * `status.loadBalancer.ingress`. No class, no controller, no address: the
 * Ingress stays without one, as on a real cluster.
 */
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import { objectKey, type StoreEvent } from '../store.js';
import type { Ingress, KubeObject, Service, StoredObject } from '../types.js';
import { WorkQueue, type Controller } from './workqueue.js';

export const PUBLISH_SERVICE_ANNOTATION = 'sim.portolan.dev/publish-service';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export class IngressStatusController implements Controller {
  readonly name = 'ingress-controller';
  private readonly queue: WorkQueue;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly registry: Registry,
    onError: (err: unknown, key: string) => void,
  ) {
    this.queue = new WorkQueue((key) => this.reconcile(key), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  private observe(e: StoreEvent): void {
    if (e.resource === R.ingresses) {
      if (e.type !== 'DELETED')
        this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name));
      return;
    }
    const publishTarget = (svc: KubeObject) =>
      this.classes().some(
        (c) =>
          c.metadata.annotations?.[PUBLISH_SERVICE_ANNOTATION] ===
          objectKey(svc.metadata.namespace, svc.metadata.name ?? ''),
      );
    if (e.resource === R.ingressClasses || (e.resource === R.services && publishTarget(e.object))) {
      for (const ing of this.registry.store.list(R.ingresses))
        this.queue.add(objectKey(ing.metadata.namespace, ing.metadata.name));
    }
  }

  private classes(): StoredObject[] {
    return this.registry.store.list(R.ingressClasses);
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const ing = this.registry.store.get(R.ingresses, namespace, name) as
      (Ingress & StoredObject) | undefined;
    if (!ing || ing.metadata.deletionTimestamp) return;
    const className =
      ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
    const cls = this.classes().find((c) =>
      className
        ? c.metadata.name === className
        : c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true',
    );
    const publish = cls?.metadata.annotations?.[PUBLISH_SERVICE_ANNOTATION];
    if (!publish) return; // no controller of ours serves this class
    const [svcNs = '', svcName = ''] = publish.split('/');
    const svc = this.registry.store.get(R.services, svcNs, svcName) as Service | undefined;
    const ingress = (svc?.status?.loadBalancer?.ingress ?? []).map((i) =>
      i.ip ? { ip: i.ip } : { hostname: i.hostname },
    );
    this.registry.writeStatus(R.ingresses, ing, {
      ...ing.status,
      loadBalancer: ingress.length ? { ingress } : {},
    });
  }
}
