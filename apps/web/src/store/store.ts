/**
 * One zustand store built from slices. Actions are plain module functions
 * (graph-actions.ts, view-actions.ts, layout-actions.ts) calling setState, so
 * the stream client and the layout runner write to it without React.
 * Every update creates new Maps; nothing is mutated in place.
 */
import { create } from 'zustand';
import { createGraphSlice, type GraphSlice } from './graph-slice.js';
import { createLayoutSlice, type LayoutSlice } from './layout-slice.js';
import { createViewSlice, type ViewSlice } from './view-slice.js';

export type AppState = GraphSlice & ViewSlice & LayoutSlice;

function initialState(): AppState {
  return { ...createGraphSlice(), ...createViewSlice(), ...createLayoutSlice() };
}

export const useAppStore = create<AppState>()(() => initialState());

export const getState = useAppStore.getState;
export const setState = useAppStore.setState;

/** Back to an empty store (tests). */
export function resetStore(): void {
  useAppStore.setState(initialState(), true);
}
