// Export buttons: download the report as Markdown, or print it (the print stylesheet hides the controls).
import { useAppStore } from '../../state/store';
import { reportMarkdown } from '../../share/report-markdown';

export function DownloadReport() {
  const has = useAppStore((s) => s.diagnosis !== null);
  if (!has) return null;
  return (
    <div className="actions no-print">
      <button
        type="button"
        onClick={() => {
          const { diagnosis, answers } = useAppStore.getState();
          if (!diagnosis) return;
          // Router secrets never leave in an export (issue 12): reportMarkdown masks every field, then escapes it.
          const blob = new Blob([reportMarkdown(diagnosis, answers)], { type: 'text/markdown' });
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = `code-red-triage-${new Date().toISOString().slice(0, 10)}.md`;
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(a.href), 1000);
        }}
      >
        Download the report (Markdown)
      </button>
      <button type="button" className="secondary" onClick={() => window.print()}>
        Print
      </button>
    </div>
  );
}
