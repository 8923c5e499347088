import { useMemo } from 'react';
import type { NodeId } from '@portolan/topology';
import { endpointRows } from '../../model/endpoint-rows.js';
import { useAppStore } from '../../store/store.js';
import { revealNode } from '../../store/view-actions.js';
import { CopyButton } from './CopyButton.js';

/** A Service's endpoints with their conditions. */
export function EndpointsTable({ serviceId }: { serviceId: NodeId }) {
  const edges = useAppStore((s) => s.edges);
  const nodes = useAppStore((s) => s.nodes);
  const rows = useMemo(() => endpointRows(serviceId, edges, nodes), [serviceId, edges, nodes]);
  return (
    <section>
      <h3>Endpoints ({rows.length})</h3>
      {rows.length === 0 ? (
        <p className="pn-muted">none: nothing answers this Service</p>
      ) : (
        <table className="pn-table">
          <thead>
            <tr>
              <th>endpoint</th>
              <th>address</th>
              <th>condition</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <button type="button" className="pn-link" onClick={() => revealNode(r.id)}>
                    {r.name.replace(/^(Pod|Address) /, '')}
                  </button>
                  {r.node && <div className="pn-muted">{r.node}</div>}
                </td>
                <td>
                  {r.address}
                  {r.address && <CopyButton text={r.address} what={`address ${r.address}`} />}
                  <div className="pn-muted">{r.ports}</div>
                </td>
                <td>{r.condition}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
