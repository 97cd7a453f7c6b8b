// sectionsOf keeps each list's sections by kind, and never answers from a list that has grown since.
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from './diagnose';
import { type ParsedSection, sectionsOf } from './sections';

const paste = (text: string) => ({ source: 'p.txt', text });
const CPU = 'R1#show processes cpu\nCPU utilization for five seconds: 99%/90%; one minute: 99%; five minutes: 98%\n';
const VERSION = 'R1#show version\nCisco IOS Software, 1841 Software (C1841-ADVIPSERVICESK9-M), Version 12.4(15)T1\nR1 uptime is 2 days\n';

describe('sectionsOf', () => {
  it('answers again from what it kept, and afresh once the list has grown', () => {
    const all = [...diagnoseDetailed([paste(CPU + VERSION)]).sections] as ParsedSection[];
    expect(all.map((s) => s.kind)).toEqual(['show processes cpu', 'show version']);
    const first = sectionsOf(all, 'show processes cpu');
    expect(first.length).toBe(1);
    expect(sectionsOf(all, 'show processes cpu')).toBe(first);
    all.push(all[0]!);
    expect(sectionsOf(all, 'show processes cpu').length).toBe(2);
    expect(sectionsOf(all, 'show version').length).toBe(1);
    expect(sectionsOf(all, 'show ip arp')).toEqual([]);
  });
});
