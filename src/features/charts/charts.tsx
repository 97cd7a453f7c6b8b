// Charts of the diagnosis (recharts, lazily loaded). Filled in once the core's chart series land.
export default function Charts() {
  return <p className="muted">No chart data in this diagnosis.</p>;
}
