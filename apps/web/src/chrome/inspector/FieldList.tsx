import type { Field } from '../../model/inspector-fields.js';
import { CopyButton } from './CopyButton.js';

/** Label/value rows; several values one per line; names and addresses with a copy button. */
export function FieldList({ fields }: { fields: readonly Field[] }) {
  return (
    <dl className="pn-fields">
      {fields.map((f) => {
        const values = Array.isArray(f.value) ? f.value : [f.value];
        return (
          <div key={f.label} className="pn-field-row">
            <dt>{f.label}</dt>
            <dd>
              {values.map((v, i) => (
                <div key={i} className="pn-value">
                  <span>{v === '' ? '—' : v}</span>
                  {f.copy && v !== '' && <CopyButton text={v} what={`${f.label} ${v}`} />}
                </div>
              ))}
              {values.length === 0 && <div>—</div>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
