// What the pre-checks must show before a step (or an alternative) is pasted: a checklist set apart from the prose.
export function StepGate({ gate, label, heading }: { gate: readonly string[]; label: string; heading: string }) {
  return (
    <div className="step-gate" role="note" aria-label={label}>
      <p>
        <strong>{heading}</strong>
      </p>
      <ul>
        {gate.map((g, k) => (
          <li key={k}>{g}</li>
        ))}
      </ul>
    </div>
  );
}
