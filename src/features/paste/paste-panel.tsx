// One paste panel: a labelled textarea for router output, its name, remove, and its live status.
import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { PasteStatus } from './paste-status';

export function PastePanel({ id, index }: { id: string; index: number }) {
  const paste = useAppStore((s) => s.pastes.find((p) => p.id === id));
  const setPasteText = useAppStore((s) => s.setPasteText);
  const removePaste = useAppStore((s) => s.removePaste);
  const [refused, setRefused] = useState<string | null>(null);
  if (!paste) return null;
  const textId = `paste-text-${id}`;
  return (
    <section className="paste-panel" aria-labelledby={`${textId}-label`} data-paste-name={paste.name}>
      <div className="paste-head">
        <label id={`${textId}-label`} htmlFor={textId}>
          Paste {index + 1}: router output <span className="muted">({paste.name})</span>
        </label>
        <button type="button" className="secondary" onClick={() => removePaste(id)} aria-label={`Remove paste ${index + 1} (${paste.name})`}>
          Remove
        </button>
      </div>
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
        onChange={(e) => setRefused(setPasteText(id, e.target.value) ? null : useAppStore.getState().pasteError)}
      />
      {refused && (
        <p className="error-text" role="alert">
          {refused}
        </p>
      )}
      <PasteStatus name={paste.name} empty={paste.text.trim().length === 0} />
    </section>
  );
}
