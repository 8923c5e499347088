import type { StreamMessage } from '@portolan/topology';
import { slim } from '@portolan/topology';
import { describe, expect, it } from 'vitest';
import { Hub, parseEventId } from './hub.js';

const status = () => ({ context: 'c', cluster: 'http://127.0.0.1:1', simulated: true, kinds: [] });
const pod = (name: string) =>
  slim({
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [] },
    status: { phase: 'Running' },
  });

function collector() {
  const frames: { id?: string; msg: StreamMessage }[] = [];
  return {
    frames,
    client: {
      write(frame: string) {
        const id = /^id: (.+)$/m.exec(frame)?.[1];
        const data = /^data: (.+)$/m.exec(frame)?.[1];
        if (data) frames.push({ id, msg: JSON.parse(data) as StreamMessage });
        return true;
      },
      close() {},
    },
  };
}

describe('hub', () => {
  it('sends a snapshot, then consecutive deltas with boot-qualified ids', () => {
    const hub = new Hub(status);
    hub.push({ type: 'ADDED', object: pod('a') });
    const c = collector();
    hub.attach(c.client);
    hub.push({ type: 'ADDED', object: pod('b') });
    hub.flush();
    expect(c.frames.map((f) => f.msg.type)).toEqual(['snapshot', 'delta']);
    expect(c.frames[0]?.id).toBe(`${hub.boot}-1`);
    expect(c.frames[1]?.id).toBe(`${hub.boot}-2`);
    const d = c.frames[1]?.msg;
    expect(d?.type === 'delta' && d.delta.upsertNodes.map((n) => n.id)).toEqual(['pod:default/b']);
  });

  it('resumes with missed deltas for its own ids, and snapshots for another boot', () => {
    const hub = new Hub(status);
    hub.push({ type: 'ADDED', object: pod('a') });
    hub.flush();
    hub.push({ type: 'ADDED', object: pod('b') });
    hub.flush();
    const same = collector();
    hub.attach(same.client, `${hub.boot}-1`);
    expect(same.frames.map((f) => f.msg.type)).toEqual(['status', 'delta']);
    const other = collector();
    hub.attach(other.client, 'zzzz-1');
    expect(other.frames.map((f) => f.msg.type)).toEqual(['snapshot']);
    expect(parseEventId('garbage', hub.boot)).toBeUndefined();
  });
});
