import type { PortSummary } from '@portolan/topology';

/** A Service's ports: name, port, target, node port, protocol. */
export function PortsTable({ ports }: { ports: readonly PortSummary[] }) {
  if (ports.length === 0) return null;
  const hasNodePort = ports.some((p) => p.nodePort !== undefined);
  return (
    <section>
      <h3>Ports</h3>
      <table className="pn-table">
        <thead>
          <tr>
            <th>name</th>
            <th>port</th>
            <th>target</th>
            {hasNodePort && <th>node port</th>}
            <th>protocol</th>
          </tr>
        </thead>
        <tbody>
          {ports.map((p, i) => (
            <tr key={i}>
              <td>{p.name ?? '—'}</td>
              <td>{p.port}</td>
              <td>{p.targetPort ?? p.port}</td>
              {hasNodePort && <td>{p.nodePort ?? '—'}</td>}
              <td>
                {p.protocol}
                {p.appProtocol ? ` (${p.appProtocol})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
