/** Filter by NetworkPolicy verdict, and the button that opens the policies panel. */
import type { VerdictFilter as Verdict } from '../../store/view-slice.js';
import { useAppStore } from '../../store/store.js';
import { setVerdictFilter, togglePanel } from '../../store/view-actions.js';

const ANY = '';

export function VerdictFilter() {
  const verdict = useAppStore((s) => s.verdict);
  const open = useAppStore((s) => s.panel === 'policies');
  return (
    <>
      <label className="pn-field">
        <span>Policy</span>
        <select
          aria-label="Policy verdict"
          value={verdict ?? ANY}
          onChange={(e) =>
            setVerdictFilter(e.target.value === ANY ? null : (e.target.value as Verdict))
          }
        >
          <option value={ANY}>any verdict</option>
          <option value="denied">⊘ denied</option>
          <option value="partly-allowed">◐ partly allowed</option>
          <option value="allowed">✓ allowed</option>
          <option value="isolated">◈ isolated pods</option>
        </select>
      </label>
      <button
        type="button"
        className="pn-toggle"
        aria-expanded={open}
        aria-controls="pn-policies-panel"
        onClick={() => togglePanel('policies')}
        title="NetworkPolicies, the pods they select, and a connection check"
      >
        <span aria-hidden="true">◈</span> Policies
      </button>
    </>
  );
}
