// Types for flow-table.mjs (the e2e specs import it from TypeScript).
export const SCANNERS: string[];
export function flowTable(rows: number, seed?: number): string;
