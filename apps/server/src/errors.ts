/**
 * Coded errors (PORTOLAN_*), each with what is wrong and what to do.
 * The catalogue is documented in apps/server/README.md.
 */
export type ErrorCode =
  | 'PORTOLAN_KUBECONFIG_NOT_FOUND'
  | 'PORTOLAN_KUBECONFIG_INVALID'
  | 'PORTOLAN_NO_KUBECONFIG'
  | 'PORTOLAN_CONTEXT_NOT_FOUND'
  | 'PORTOLAN_NO_CURRENT_CONTEXT'
  | 'PORTOLAN_CLUSTER_UNREACHABLE'
  | 'PORTOLAN_CLUSTER_TLS'
  | 'PORTOLAN_CLUSTER_UNAUTHORIZED'
  | 'PORTOLAN_CLUSTER_FORBIDDEN'
  | 'PORTOLAN_CLUSTER_ERROR'
  | 'PORTOLAN_KUBECONFIG_FILE_MISSING'
  | 'PORTOLAN_AUTH_PLUGIN_FAILED'
  | 'PORTOLAN_PROXY_FAILED'
  | 'PORTOLAN_BAD_ARGUMENT'
  | 'PORTOLAN_PORT_IN_USE';

export class PortolanError extends Error {
  override name = 'PortolanError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** Two lines for a terminal: what is wrong, then what to do. */
  format(): string {
    return `portolan: ${this.message}${this.hint ? `\n  ${this.hint}` : ''}\n  (${this.code})`;
  }
}
