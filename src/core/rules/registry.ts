// The rule registry: one file per finding id (CONTRACT.md), evaluated in this order, then sorted by severity.
import type { RuleDef } from './rule-types';
import { scanningHostRule } from './scanning-host';

export const RULES: readonly RuleDef[] = [scanningHostRule];
