// Big capture files (read as bytes in the worker; progress and Cancel are in the header): status, reopen after a reload.
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FileRef } from '../../state/files-slice';
import { formatBytes } from '../../state/limits';
import { useAppStore } from '../../state/store';
import { PasteStatus } from './paste-status';

const when = (ms: number) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function ReopenButton({ file, label }: { file: FileRef; label: string }) {
  const input = useRef<HTMLInputElement>(null);
  const reopenFile = useAppStore((s) => s.reopenFile);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".txt,.log,.cap,text/plain"
        className="offscreen"
        tabIndex={-1}
        aria-label={`Reopen ${file.name}`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) reopenFile(file.id, f);
          e.target.value = '';
        }}
      />
    </>
  );
}

function FileItem({ file }: { file: FileRef }) {
  const removeFile = useAppStore((s) => s.removeFile);
  const reopenFile = useAppStore((s) => s.reopenFile);
  return (
    <li className="big-file" data-file-name={file.name} data-file-state={file.state}>
      <p>
        <strong>{file.name}</strong>{' '}
        <span className="muted">
          {formatBytes(file.size)}, modified {when(file.lastModified)}; read as a file (not shown as text)
        </span>
      </p>
      {file.state === 'open' && (
        <>
          <PasteStatus name={file.name} empty={file.size === 0} />
        </>
      )}
      {file.state === 'cancelled' && <p>Analysis cancelled: this file is not part of the report.</p>}
      {file.state === 'missing' && (
        <p>
          This file was open before the page reloaded. Browsers keep no access to a file across a reload, so it was not
          read again: reopen it to include it in the report.
        </p>
      )}
      <div className="actions">
        {file.state === 'missing' && <ReopenButton file={file} label={`Reopen ${file.name}…`} />}
        {file.state === 'cancelled' && (
          <button type="button" onClick={() => reopenFile(file.id)}>
            Analyse {file.name} again
          </button>
        )}
        <button type="button" className="secondary" onClick={() => removeFile(file.id)}>
          Remove {file.name}
        </button>
      </div>
    </li>
  );
}

/** The big files; `missingOnly` lists just those to reopen (the report's offer after a reload). */
export function BigFiles({ missingOnly = false }: { missingOnly?: boolean }) {
  const files = useAppStore(useShallow((s) => (missingOnly ? s.files.filter((f) => f.state === 'missing') : s.files)));
  if (files.length === 0) return null;
  return (
    <section className="big-files" aria-label={missingOnly ? 'Files to reopen' : 'Opened files'}>
      {missingOnly && (
        <p role="note">
          {files.length === 1 ? 'A file' : `${files.length} files`} opened before the reload {files.length === 1 ? 'is' : 'are'} not in
          this report yet.
        </p>
      )}
      <ul>
        {files.map((f) => (
          <FileItem key={f.id} file={f} />
        ))}
      </ul>
    </section>
  );
}
