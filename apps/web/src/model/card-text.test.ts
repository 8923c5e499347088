import { describe, expect, it } from 'vitest';
import { lb, np, pod, svc } from '../test-support/graph-builders.js';
import { loadBalancerText, nodePortText, podText, serviceText } from './card-text.js';

describe('card text', () => {
  it('LoadBalancer: ingress IP, or pending', () => {
    expect(loadBalancerText(lb('default', 'frontend', '192.0.2.10')).status?.text).toBe(
      '192.0.2.10',
    );
    expect(loadBalancerText(lb('default', 'frontend')).status).toMatchObject({
      icon: '⏳',
      text: 'pending',
    });
  });

  it('NodePort: port numbers and how many node IPs', () => {
    const t = nodePortText(np('default', 'web', 30007));
    expect(t.status?.text).toBe('30007/TCP');
    expect(t.lines).toEqual(['on 2 node IPs']);
  });

  it('Service: clusterIP, headless or ExternalName', () => {
    expect(serviceText(svc('default', 'a')).status?.text).toBe('ClusterIP · 10.96.0.10');
    expect(serviceText(svc('default', 'db', { headless: true, clusterIPs: [] })).status?.text).toBe(
      'ClusterIP · headless',
    );
    const ext = serviceText(
      svc('default', 'ext', {
        serviceType: 'ExternalName',
        externalName: 'db.example.com',
        clusterIPs: [],
      }),
    );
    expect(ext.status?.text).toBe('ExternalName · ExternalName -> db.example.com');
    expect(serviceText(svc('default', 'a')).lines).toEqual(['80 -> 8080/TCP', '1 ready']);
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
      icon: '⏳',
      text: 'pending',
    });
    expect(podText(pod('default', 'a', { terminating: true })).status?.text).toBe('terminating');
    expect(podText(pod('default', 'a')).lines).toEqual(['10.244.1.5 · node-1']);
  });
});
