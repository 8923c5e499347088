import { useEffect } from 'react';
import { selectNode } from '../store/view-actions.js';

/** Esc closes the inspector (clears the selection). Issue 6 adds `/` for search. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') selectNode(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
