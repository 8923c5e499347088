/**
 * Defaulting, as the API server applies it when an object is stored: the
 * fields `kubectl get -o yaml` shows on a real cluster although the manifest
 * did not set them. Mutates the given (already cloned) object.
 */
import { defaultWorkload } from './defaults-workloads.js';
import type { ResourceType } from './resources.js';
import type { KubeObject, Node, Pod, Service } from './types.js';

function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
  }
  if (spec.type !== 'ExternalName') {
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer')
    spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  svc.status ??= { loadBalancer: {} };
}

/** Pod spec defaults, for pods and for the pod templates of workloads. */
export function defaultPodSpec(spec: NonNullable<Pod['spec']>): void {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.serviceAccountName ??= 'default';
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.securityContext ??= {};
  for (const c of spec.containers ?? []) {
    c.imagePullPolicy ??=
      !c.image || c.image.endsWith(':latest') || !c.image.includes(':') ? 'Always' : 'IfNotPresent';
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.resources ??= {};
    for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  }
}

function defaultPod(pod: Pod): void {
  const spec = (pod.spec ??= {});
  defaultPodSpec(spec);
  // The DefaultTolerationSeconds admission plugin adds these to every pod.
  const tolerations = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key)) {
      tolerations.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      } as never);
    }
  }
  pod.status ??= {};
  pod.status.phase ??= 'Pending';
  pod.status.qosClass ??= 'BestEffort';
}

function defaultNode(node: Node, now: string): void {
  // The labels every kubelet sets on its node.
  node.metadata.labels = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.metadata.name ?? '',
    'kubernetes.io/os': 'linux',
    ...node.metadata.labels,
  };
  node.spec ??= {};
  if (node.spec.podCIDR && !node.spec.podCIDRs) node.spec.podCIDRs = [node.spec.podCIDR];
  if (!node.spec.podCIDR && node.spec.podCIDRs?.[0]) node.spec.podCIDR = node.spec.podCIDRs[0];
  const status = (node.status ??= {});
  // What a kubelet that has joined would report.
  status.conditions ??= [
    {
      type: 'MemoryPressure',
      status: 'False',
      reason: 'KubeletHasSufficientMemory',
      lastHeartbeatTime: now,
      lastTransitionTime: now,
    },
    {
      type: 'DiskPressure',
      status: 'False',
      reason: 'KubeletHasNoDiskPressure',
      lastHeartbeatTime: now,
      lastTransitionTime: now,
    },
    {
      type: 'PIDPressure',
      status: 'False',
      reason: 'KubeletHasSufficientPID',
      lastHeartbeatTime: now,
      lastTransitionTime: now,
    },
    {
      type: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      lastHeartbeatTime: now,
      lastTransitionTime: now,
    },
  ];
  status.addresses ??= [{ type: 'Hostname', address: node.metadata.name ?? '' }];
  status.nodeInfo ??= {
    kubeletVersion: 'v1.32.0',
    kubeProxyVersion: 'v1.32.0',
    containerRuntimeVersion: 'containerd://1.7.24',
    operatingSystem: 'linux',
    architecture: 'amd64',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.1.0-28-amd64',
  };
  status.capacity ??= { cpu: '4', memory: '8029852Ki', pods: '110' };
  status.allocatable ??= status.capacity;
}

function defaultNetworkPolicy(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as {
    podSelector?: unknown;
    policyTypes?: string[];
    egress?: unknown[];
  };
  spec.podSelector ??= {};
  spec.policyTypes ??= spec.egress && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function defaultEndpointSlice(obj: KubeObject): void {
  obj.endpoints ??= [];
  for (const p of (obj.ports ?? []) as { protocol?: string }[]) p.protocol ??= 'TCP';
}

export function applyDefaults(r: ResourceType, obj: KubeObject, now: string): void {
  switch (r.kind) {
    case 'Service':
      return defaultService(obj as Service);
    case 'Pod':
      return defaultPod(obj as Pod);
    case 'Node':
      return defaultNode(obj as Node, now);
    case 'Namespace': {
      const name = obj.metadata.name ?? '';
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': name };
      obj.spec ??= { finalizers: ['kubernetes'] };
      obj.status ??= { phase: 'Active' };
      return;
    }
    case 'NetworkPolicy':
      return defaultNetworkPolicy(obj);
    case 'EndpointSlice':
      return defaultEndpointSlice(obj);
    case 'Ingress':
      obj.status ??= { loadBalancer: {} };
      return;
    case 'Secret': {
      const data = (obj.data ?? {}) as Record<string, string>;
      for (const [k, v] of Object.entries((obj.stringData ?? {}) as Record<string, string>))
        data[k] = Buffer.from(String(v), 'utf8').toString('base64');
      if (obj.stringData !== undefined) obj.data = data;
      delete obj.stringData;
      obj.type ??= 'Opaque';
      return;
    }
    default:
      return defaultWorkload(r.kind, obj);
  }
}
