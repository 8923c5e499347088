/**
 * Label selector semantics, as apimachinery defines them (labels.Selector):
 * - a Service selector is a plain map: a pod matches when it carries every
 *   pair (logical AND); extra labels on the pod do not matter; an empty map
 *   selects nothing for Services (the EndpointSlice controller skips it).
 * - a LabelSelector ANDs matchLabels and every matchExpression; an empty
 *   LabelSelector ({}) matches everything; a null one matches nothing.
 * - In: the key exists and its value is listed. NotIn: the key is missing,
 *   or its value is not listed. Exists / DoesNotExist: presence of the key.
 */
import type { LabelSelector, Labels } from './objects.js';

export function matchesMap(selector: Labels, labels: Labels | undefined): boolean {
  for (const [k, v] of Object.entries(selector)) {
    if (labels?.[k] !== v) return false;
  }
  return true;
}

export function matchesSelector(
  selector: LabelSelector | null | undefined,
  labels: Labels | undefined,
): boolean {
  if (!selector) return false;
  if (selector.matchLabels && !matchesMap(selector.matchLabels, labels)) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = has ? labels[req.key] : undefined;
    switch (req.operator) {
      case 'In':
        if (!has || !(req.values ?? []).includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && (req.values ?? []).includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // An unknown operator is invalid in the API; it selects nothing.
        return false;
    }
  }
  return true;
}

/** `app=frontend,tier=web` for display and for kubectl -l. */
export function selectorText(selector: Labels): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
