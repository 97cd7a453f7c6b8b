// Code Red (CRv2): TCP/80 to uniformly random addresses, patched by MS01-033.
import type { WormProfile } from './profile-types';

export const codeRed: WormProfile = {
  worm: 'code-red',
  name: 'Code Red',
  // TCP/80, random IPv4 targets: Moore, Shannon, Brown, "Code-Red: a case study on the spread and victims of an
  // Internet worm" (CAIDA, IMW 2002); the tech note (seed/code-red-tech-note.txt).
  sweeps: ['tcp/80'],
  followUps: [],
  // Microsoft Security Bulletin MS01-033 (Index Server ISAPI extension buffer overflow, idq.dll).
  patch: 'MS01-033',
  tableClasses: ['TCP-WWW'],
};
