// The symptom questionnaire (QUESTIONS from core/answers.ts): short, every question optional; each answered
// question says, right under it, what it points to (on phones; wide screens have the side panel).
import { QUESTIONS } from '../../core/answers';
import { FINDING_NAMES } from '../../core/rules/finding-names';
import { listWords } from '../../core/text/plural';
import { useAppStore } from '../../state/store';

function AnswerHint({ k }: { k: string }) {
  const hint = useAppStore((s) => {
    const ids = s.nextSteps?.byAnswer[k];
    if (!ids) return null;
    const commands = (s.nextSteps?.commands ?? []).filter((c) => c.confirms.some((id) => ids.includes(id))).map((c) => c.command);
    return `${ids.length ? `Points to ${listWords(ids.map((id) => FINDING_NAMES[id]))}.` : 'On its own, this answer points nowhere new.'}${commands.length ? ` Paste ${listWords(commands)}.` : ''}`;
  });
  return hint ? (
    <p className="answer-hint" data-answer-hint={k}>
      {hint}
    </p>
  ) : null;
}

function Question({ q }: { q: (typeof QUESTIONS)[number] }) {
  const value = useAppStore((s) => s.answers[q.key] ?? null);
  const setAnswer = useAppStore((s) => s.setAnswer);
  const name = `q-${q.key}`;
  return (
    <fieldset className="question" data-question={q.key}>
      <legend>{q.text}</legend>
      <div className="options">
        {q.options.map((o) => (
          <label key={o.value} className="option">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => setAnswer(q.key, o.value)} />
            {o.label}
          </label>
        ))}
        {value !== null && (
          <button type="button" className="link-button" onClick={() => setAnswer(q.key, null)} aria-label={`Clear the answer to: ${q.text}`}>
            Clear
          </button>
        )}
      </div>
      {value !== null && <AnswerHint k={q.key} />}
    </fieldset>
  );
}

export function Questionnaire() {
  const answered = useAppStore((s) => Object.keys(s.answers).length);
  return (
    <form className="questionnaire" onSubmit={(e) => e.preventDefault()} aria-describedby="questionnaire-help">
      <p id="questionnaire-help" className="muted">
        Every question is optional: answer what you know ({answered} of {QUESTIONS.length} answered), or skip straight to pasting output.
      </p>
      {QUESTIONS.map((q) => (
        <Question key={q.key} q={q} />
      ))}
    </form>
  );
}
