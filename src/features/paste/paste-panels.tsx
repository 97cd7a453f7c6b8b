// All paste panels, plus adding a panel, opening saved captures, and dropping files anywhere on the list.
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isBigFile } from '../../state/files-slice';
import { BIG_FILE_BYTES, formatBytes, MAX_FILE_BYTES, MAX_TOTAL_INPUT_BYTES } from '../../state/limits';
import { totalBytes } from '../../state/pastes-slice';
import { useAppStore } from '../../state/store';
import { BigFiles } from './big-files';
import { PastePanel } from './paste-panel';
import { readCaptureFiles } from './read-files';

export function PastePanels() {
  const ids = useAppStore(useShallow((s) => s.pastes.map((p) => p.id)));
  const pasteError = useAppStore((s) => s.pasteError);
  const addPaste = useAppStore((s) => s.addPaste);
  const [dragging, setDragging] = useState(false);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  async function open(list: FileList | File[]) {
    const all = Array.from(list);
    // Big files stay files: the worker reads their bytes; small ones become editable panels.
    const bigProblems = useAppStore.getState().addFiles(all.filter(isBigFile));
    const { pastes, setPasteText } = useAppStore.getState();
    const { files: read, problems } = await readCaptureFiles(all.filter((f) => !isBigFile(f)), totalBytes(pastes));
    problems.unshift(...bigProblems);
    const lone = pastes.length === 1 && pastes[0]!.text === '' ? pastes[0] : undefined;
    read.forEach((f, i) => {
      // The first file fills a lone empty panel rather than leaving it dangling above.
      if (i === 0 && lone) {
        useAppStore.getState().renamePaste(lone.id, f.name);
        setPasteText(lone.id, f.text);
      } else if (addPaste(f.name, f.text) === null) problems.push(`${f.name} was not opened: ${useAppStore.getState().pasteError ?? ''}`);
    });
    setFileProblems(problems);
  }

  return (
    <div
      className={`paste-panels${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        setDragging(false);
        void open(e.dataTransfer.files);
      }}
    >
      <BigFiles />
      {ids.length === 0 && <p>No pastes yet. Add a panel and paste router output, or open saved captures.</p>}
      {ids.map((id, i) => (
        <PastePanel key={id} id={id} index={i} />
      ))}
      <div className="paste-actions">
        <button type="button" onClick={() => addPaste()}>
          Add a paste panel
        </button>
        <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
          Open saved captures…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".txt,.log,.cap,text/plain"
          className="offscreen"
          tabIndex={-1}
          aria-label="Open saved captures"
          onChange={(e) => {
            if (e.target.files) void open(e.target.files);
            e.target.value = '';
          }}
        />
        <span className="muted">
          or drop capture files here. Pasted text up to {formatBytes(MAX_TOTAL_INPUT_BYTES)}; files from {formatBytes(BIG_FILE_BYTES)} are read
          as files, up to {formatBytes(MAX_FILE_BYTES)} in all.
        </span>
      </div>
      {(pasteError || fileProblems.length > 0) && (
        <div role="alert" className="error-text">
          {pasteError && <p>{pasteError}</p>}
          {fileProblems.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </div>
  );
}
