// Files slice: big capture files opened or dropped, kept as references (name, size, date); their bytes stay in the File.
import type { StateCreator } from 'zustand';
import { BIG_FILE_BYTES, fileLimitMessage, MAX_FILE_BYTES, MAX_PASTES } from './limits';
import { newPasteId, uniqueName } from './pastes-slice';
import type { AppState } from './store-types';

export interface FileRef {
  id: string;
  /** The file's name, unique across files and panels: it is the evidence "source". */
  name: string;
  size: number;
  lastModified: number;
  /**
   * 'open': the File is at hand (this session); 'missing': only the reference survived a reload (browsers keep
   * no access to a file across reloads), the report offers to reopen it; 'cancelled': the engineer stopped it.
   */
  state: 'open' | 'missing' | 'cancelled';
}

/** The Files themselves, by reference id: outside the store (never persisted, never copied into state). */
const handles = new Map<string, File>();

export function fileOf(id: string): File | undefined {
  return handles.get(id);
}

/** Identifies a file's content across runs (the worker keeps the rows it read under this key). */
export function fileKey(f: FileRef): string {
  return `${f.name}\u0000${f.size}\u0000${f.lastModified}`;
}

export interface FilesSlice {
  files: FileRef[];
  /** Add big files (the caller sends small ones to paste panels); returns the problems, in words. */
  addFiles: (files: File[]) => string[];
  /** Give a missing or cancelled reference its file back (reopen after a reload, or analyse again). */
  reopenFile: (id: string, file?: File) => void;
  cancelFiles: () => void;
  removeFile: (id: string) => void;
}

export const isBigFile = (f: { size: number }) => f.size >= BIG_FILE_BYTES;

export const createFilesSlice: StateCreator<AppState, [], [], FilesSlice> = (set, get) => ({
  files: [],
  addFiles(list) {
    const problems: string[] = [];
    const files = [...get().files];
    let total = files.reduce((n, f) => n + f.size, 0);
    for (const file of list) {
      if (total + file.size > MAX_FILE_BYTES) {
        problems.push(fileLimitMessage(file.name, file.size));
        continue;
      }
      if (files.length + get().pastes.length >= MAX_PASTES) {
        problems.push(`${file.name} was not opened: at most ${MAX_PASTES} pastes and files at once.`);
        continue;
      }
      const taken = [...files.map((f) => f.name), ...get().pastes.map((p) => p.name)];
      const ref: FileRef = { id: newPasteId(), name: uniqueName(file.name, taken), size: file.size, lastModified: file.lastModified, state: 'open' };
      handles.set(ref.id, file);
      files.push(ref);
      total += file.size;
    }
    set({ files });
    return problems;
  },
  reopenFile(id, file) {
    const ref = get().files.find((f) => f.id === id);
    if (!ref) return;
    if (file) handles.set(id, file);
    const f = handles.get(id);
    if (!f) return;
    // A different file picked for the same reference takes its place (its own size and date).
    const next: FileRef = { ...ref, size: f.size, lastModified: f.lastModified, state: 'open' };
    set({ files: get().files.map((x) => (x.id === id ? next : x)) });
  },
  cancelFiles() {
    set({ files: get().files.map((f) => (f.state === 'open' ? { ...f, state: 'cancelled' as const } : f)) });
  },
  removeFile(id) {
    handles.delete(id);
    set({ files: get().files.filter((f) => f.id !== id) });
  },
});
