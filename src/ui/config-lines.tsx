// Config to paste, one line per command: long lines wrap inside the box with a hanging indent, and each command
// starts with a mark (not copied), so a wrapped continuation is visibly not a new command.
export function ConfigLines({ lines }: { lines: readonly string[] }) {
  return (
    <pre className="config-lines">
      <code>
        {lines.map((l, i) => (
          <span key={i} className="config-line">
            {l}
          </span>
        ))}
      </code>
    </pre>
  );
}
