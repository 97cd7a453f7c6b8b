// One paste panel: a labelled textarea for router output (a read-only preview for big pastes), remove, and status.
import { useMemo, useState, type ClipboardEvent } from 'react';
import { markPasted } from '../../state/diagnosis-runner';
import { formatBytes } from '../../state/limits';
import { useAppStore } from '../../state/store';
import { isLarge, PREVIEW_LINES, previewOf, spliceText } from './large-paste';
import { PasteStatus } from './paste-status';

function LargePreview({ textId, index, text, onEdit, onClear }: { textId: string; index: number; text: string; onEdit: () => void; onClear: () => void }) {
  const { head, totalLines } = useMemo(() => previewOf(text), [text]);
  return (
    <>
      <p className="muted" id={`${textId}-note`}>
        {formatBytes(text.length)}, {totalLines.toLocaleString('en')} lines. The first {Math.min(PREVIEW_LINES, totalLines)} are shown
        read-only: laying out the whole text would freeze the page for seconds. The analysis reads all of it.
      </p>
      <textarea
        id={textId}
        className="paste-text"
        readOnly
        wrap="off"
        rows={12}
        spellCheck={false}
        value={head}
        aria-describedby={`${textId}-note`}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={onEdit}>
          Edit the full text (slow)
        </button>
        <button type="button" className="secondary" onClick={onClear}>
          Clear paste {index + 1} to paste again
        </button>
      </div>
    </>
  );
}

export function PastePanel({ id, index }: { id: string; index: number }) {
  const paste = useAppStore((s) => s.pastes.find((p) => p.id === id));
  const setPasteText = useAppStore((s) => s.setPasteText);
  const removePaste = useAppStore((s) => s.removePaste);
  const [refused, setRefused] = useState<string | null>(null);
  const [editFull, setEditFull] = useState(false);
  if (!paste) return null;
  const textId = `paste-text-${id}`;
  const store = (text: string) => setRefused(setPasteText(id, text) ? null : useAppStore.getState().pasteError);

  // A big paste goes straight to the store, never through the textarea's layout.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    markPasted();
    const inserted = e.clipboardData.getData('text/plain');
    const ta = e.currentTarget;
    const next = spliceText(ta.value, ta.selectionStart, ta.selectionEnd, inserted);
    if (isLarge(next)) {
      e.preventDefault();
      setEditFull(false);
      store(next);
    }
  };

  const large = isLarge(paste.text) && !editFull;
  return (
    <section className="paste-panel" aria-labelledby={`${textId}-label`} data-paste-name={paste.name}>
      <div className="paste-head">
        <label id={`${textId}-label`} htmlFor={textId}>
          Paste {index + 1}: router output <span className="muted">({paste.name}{large ? ', preview' : ''})</span>
        </label>
        <button type="button" className="secondary" onClick={() => removePaste(id)} aria-label={`Remove paste ${index + 1} (${paste.name})`}>
          Remove
        </button>
      </div>
      {large ? (
        <LargePreview textId={textId} index={index} text={paste.text} onEdit={() => setEditFull(true)} onClear={() => store('')} />
      ) : (
        <textarea
          id={textId}
          className="paste-text"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          rows={12}
          placeholder={'Router#show ip cache flow\n…'}
          value={paste.text}
          onPaste={onPaste}
          onDrop={markPasted}
          onChange={(e) => store(e.target.value)}
        />
      )}
      {refused && (
        <p className="error-text" role="alert">
          {refused}
        </p>
      )}
      <PasteStatus name={paste.name} empty={paste.text.trim().length === 0} />
    </section>
  );
}
