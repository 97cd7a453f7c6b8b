// Pastes slice: the router output the engineer pasted or opened, one entry per panel.
import type { StateCreator } from 'zustand';
import { LIMIT_MESSAGE, MAX_PASTES, MAX_TOTAL_INPUT_BYTES } from './limits';
import type { AppState } from './store-types';

export interface PasteEntry {
  id: string;
  /** Shown as the evidence "source"; unique across panels (the core keys lines by it). */
  name: string;
  text: string;
}

export interface PastesSlice {
  pastes: PasteEntry[];
  /** Why the last change was refused (size limit), or null. */
  pasteError: string | null;
  addPaste: (name?: string, text?: string) => string | null;
  setPasteText: (id: string, text: string) => boolean;
  renamePaste: (id: string, name: string) => void;
  removePaste: (id: string) => void;
  replacePastes: (pastes: { name: string; text: string }[]) => void;
}

let counter = 0;
export function newPasteId(): string {
  counter += 1;
  return `p${Date.now().toString(36)}${counter.toString(36)}`;
}

/** Panel names double as evidence sources, so two panels must never share one. */
export function uniqueName(wanted: string, taken: readonly string[]): string {
  const base = wanted.trim() || 'paste';
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} (${i})`)) return `${base} (${i})`;
}

export function totalBytes(pastes: readonly { text: string }[]): number {
  let n = 0;
  for (const p of pastes) n += p.text.length;
  return n;
}

function nextDefaultName(pastes: readonly PasteEntry[]): string {
  return uniqueName(`paste ${pastes.length + 1}`, pastes.map((p) => p.name));
}

export const createPastesSlice: StateCreator<AppState, [], [], PastesSlice> = (set, get) => ({
  pastes: [],
  pasteError: null,
  addPaste(name, text = '') {
    const { pastes } = get();
    if (pastes.length >= MAX_PASTES) {
      set({ pasteError: `At most ${MAX_PASTES} panels; put several commands in one panel instead.` });
      return null;
    }
    if (totalBytes(pastes) + text.length > MAX_TOTAL_INPUT_BYTES) {
      set({ pasteError: LIMIT_MESSAGE });
      return null;
    }
    const id = newPasteId();
    const taken = pastes.map((p) => p.name);
    const entry = { id, name: name ? uniqueName(name, taken) : nextDefaultName(pastes), text };
    set({ pastes: [...pastes, entry], pasteError: null });
    return id;
  },
  setPasteText(id, text) {
    const { pastes } = get();
    const others = totalBytes(pastes.filter((p) => p.id !== id));
    if (others + text.length > MAX_TOTAL_INPUT_BYTES) {
      set({ pasteError: LIMIT_MESSAGE });
      return false;
    }
    set({ pastes: pastes.map((p) => (p.id === id ? { ...p, text } : p)), pasteError: null });
    return true;
  },
  renamePaste(id, name) {
    const { pastes } = get();
    const taken = pastes.filter((p) => p.id !== id).map((p) => p.name);
    set({ pastes: pastes.map((p) => (p.id === id ? { ...p, name: uniqueName(name, taken) } : p)) });
  },
  removePaste(id) {
    set({ pastes: get().pastes.filter((p) => p.id !== id), pasteError: null });
  },
  replacePastes(list) {
    const out: PasteEntry[] = [];
    for (const p of list) out.push({ id: newPasteId(), name: uniqueName(p.name, out.map((x) => x.name)), text: p.text });
    if (totalBytes(out) > MAX_TOTAL_INPUT_BYTES) {
      set({ pasteError: LIMIT_MESSAGE });
      return;
    }
    set({ pastes: out, pasteError: null });
  },
});
