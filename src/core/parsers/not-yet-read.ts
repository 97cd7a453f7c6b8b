// Temporary body for a registered command whose parser is still to be written: it reads nothing and says so.
import type { Warning } from '../types';
import type { ParseOutput, Section } from './parser-types';

export function notYetRead<T>(section: Section, data: T): ParseOutput<T> {
  const warnings: Warning[] = [];
  for (let i = section.from; i < section.to; i++) {
    if (section.lines[i]!.trim() !== '') {
      warnings.push({ line: i + 1, message: 'this command is recognised but its output is not read yet' });
    }
  }
  return { data, records: 0, warnings };
}
