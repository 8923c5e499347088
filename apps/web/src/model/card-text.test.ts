import { describe, expect, it } from 'vitest';
import { lb, np, pod, svc } from '../test-support/graph-builders.js';
import { loadBalancerText, nodePortText, podText, serviceText } from './card-text.js';

describe('card text', () => {
  it('LoadBalancer: ingress IP, or pending', () => {
    expect(loadBalancerText(lb('default', 'frontend', '192.0.2.10')).status?.text).toBe(
      '192.0.2.10',
    );
    expect(loadBalancerText(lb('default', 'frontend')).status).toMatchObject({
      icon: '◔',
      text: 'pending',
    });
  });

  it('NodePort: port numbers and how many node IPs', () => {
    const t = nodePortText(np('default', 'web', 30007));
    expect(t.status?.text).toBe('30007/TCP');
    expect(t.lines).toEqual(['on 2 node IPs']);
  });

  it('Service: endpoints as status, then clusterIP, headless or ExternalName, then ports', () => {
    const a = serviceText(svc('default', 'a'));
    expect(a.meta).toBe('ClusterIP');
    expect(a.status).toMatchObject({ icon: '✓', text: '1 ready' });
    expect(a.lines).toEqual(['10.96.0.10', '80 -> 8080/TCP']);
    expect(serviceText(svc('default', 'db', { headless: true, clusterIPs: [] })).lines[0]).toBe(
      'headless',
    );
    const ext = serviceText(
      svc('default', 'ext', {
        serviceType: 'ExternalName',
        externalName: 'db.example.com',
        clusterIPs: [],
        ports: [],
      }),
    );
    expect(ext.lines).toEqual(['ExternalName -> db.example.com']);
    const degraded = svc('default', 'b', {
      endpointCounts: { ready: 2, notReady: 1, terminating: 0 },
    });
    expect(serviceText(degraded).status).toMatchObject({ icon: '⚠', text: '2/3 ready' });
    const down = svc('default', 'c', { endpointCounts: { ready: 0, notReady: 0, terminating: 0 } });
    expect(serviceText(down).status?.icon).toBe('✗');
  });

  it('Pod: readiness with an icon, IP and node', () => {
    expect(podText(pod('default', 'a')).status).toMatchObject({ icon: '✓', text: 'ready' });
    expect(podText(pod('default', 'a', { ready: false })).status).toMatchObject({
      icon: '✗',
      text: 'not ready',
    });
    expect(
      podText(pod('default', 'a', { phase: 'Pending', ready: null, podIPs: [] })).status,
    ).toMatchObject({
      icon: '◔',
      text: 'pending',
    });
    expect(podText(pod('default', 'a', { terminating: true })).status?.text).toBe('terminating');
    expect(podText(pod('default', 'a')).lines).toEqual(['10.244.1.5 · node-1']);
  });
});
