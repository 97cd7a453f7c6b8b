// The symptom questionnaire's vocabulary: keys and allowed values shared by the UI, the CLI (--answer) and rules.

export interface Question {
  key: string;
  /** The question as the tech note would put it. */
  text: string;
  options: readonly { value: string; label: string }[];
}

export const QUESTIONS = [
  {
    key: 'cpu',
    text: 'Where is the CPU high? (show processes cpu: "five seconds: X%/Y%", Y is interrupt level)',
    options: [
      { value: 'interrupt', label: 'High at interrupt level (e.g. 99%/98%)' },
      { value: 'process', label: 'High at process level' },
      { value: 'normal', label: 'Not high' },
    ],
  },
  {
    key: 'cpu-process',
    text: 'Which process tops show processes cpu?',
    options: [
      { value: 'ip-input', label: 'IP Input' },
      { value: 'arp-input', label: 'ARP Input' },
      { value: 'hybridge-input', label: 'HyBridge Input' },
      { value: 'other', label: 'Something else' },
    ],
  },
  {
    key: 'memory',
    text: 'Is memory short?',
    options: [
      { value: 'mallocfail', label: '%SYS-2-MALLOCFAIL in the log' },
      { value: 'low', label: 'Low free memory, no MALLOCFAIL yet' },
      { value: 'normal', label: 'Memory looks normal' },
    ],
  },
  {
    key: 'reloads',
    text: 'Has the router reloaded by itself?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    key: 'nat',
    text: 'Does the router run NAT?',
    options: [
      { value: 'pat', label: 'Yes, PAT (overload)' },
      { value: 'nat', label: 'Yes, NAT without overload' },
      { value: 'none', label: 'No' },
    ],
  },
  {
    key: 'irb',
    text: 'Is IRB (bridge irb) configured?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    key: 'console-logging',
    text: 'Is logging to the console on, and does show logging report flushes?',
    options: [
      { value: 'flushes', label: 'Console logging on, flushes increasing' },
      { value: 'on', label: 'Console logging on, no flushes seen' },
      { value: 'off', label: 'Console logging off' },
    ],
  },
  {
    key: 'http-attempts',
    text: 'Do you see many HTTP connection attempts to the router itself (ip http server)?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    key: 'platform',
    text: 'What is the device?',
    options: [
      { value: 'ios-router', label: 'IOS router (7200, 7500, GSR, 2600, 3600...)' },
      { value: 'ios15-router', label: 'IOS 15 router (ISR G2, 7200 on 15.x): Flexible NetFlow' },
      { value: 'ios-xe', label: 'IOS-XE router or switch (ASR 1000, ISR 4000, Catalyst 9000)' },
      { value: 'cat6k-sup720', label: 'Catalyst 6500 Sup720 / Sup2T' },
      { value: 'nexus', label: 'Nexus (NX-OS)' },
      { value: 'cat6k-sup1-msfc1', label: 'Catalyst 6000 Sup1/MSFC1' },
      { value: 'cat6k-sup1-msfc2', label: 'Catalyst 6000 Sup1/MSFC2' },
      { value: 'cat6k-sup2-msfc2', label: 'Catalyst 6000 Sup2/MSFC2' },
      { value: 'cat5k', label: 'Catalyst 5000 with MLS' },
    ],
  },
  {
    key: 'platform-mode',
    text: 'On a Catalyst: hybrid (CatOS + MSFC) or native IOS?',
    options: [
      { value: 'hybrid', label: 'Hybrid (CatOS on the supervisor)' },
      { value: 'native', label: 'Native IOS' },
    ],
  },
  {
    key: 'switching',
    text: 'Which switching path does the router use?',
    options: [
      { value: 'cef', label: 'CEF' },
      { value: 'dcef', label: 'Distributed CEF' },
      { value: 'fast', label: 'Fast / optimum switching' },
      { value: 'netflow', label: 'Netflow switching' },
      { value: 'unknown', label: "Don't know" },
    ],
  },
  {
    key: 'netflow',
    text: 'Can you run netflow (ip route-cache flow) on this router?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'unsupported', label: 'No: this IOS does not support it' },
      { value: 'low-memory', label: 'No: memory too low or too fragmented' },
      { value: 'many-ingress', label: 'Undesirable: many ingress interfaces, one egress' },
    ],
  },
  {
    key: 'dominant-traffic',
    text: 'Which ports or protocols dominate? (show ip cache flow: the protocol table, or the DstP column, in hex)',
    options: [
      { value: 'tcp-80', label: 'TCP port 80 (TCP-WWW; DstP 0050)' },
      { value: 'tcp-445', label: 'TCP port 445 (TCP-other; DstP 01BD)' },
      { value: 'tcp-135', label: 'TCP port 135 (TCP-other; DstP 0087)' },
      { value: 'udp-1434', label: 'UDP port 1434 (UDP-other; DstP 059A)' },
      { value: 'icmp', label: 'ICMP echo (ICMP; DstP 0800)' },
      { value: 'telnet', label: 'TCP port 23 or 2323 (TCP-Telnet; DstP 0017 or 0913)' },
      { value: 'unknown', label: "Don't know" },
    ],
  },
] as const satisfies readonly Question[];

export type AnswerKey = (typeof QUESTIONS)[number]['key'];

/** The services behind each answer to "which ports or protocols dominate" (`proto/port`, as hosts[].service). */
export const DOMINANT_TRAFFIC_SERVICES: Readonly<Record<string, readonly string[]>> = {
  'tcp-80': ['tcp/80'],
  'tcp-445': ['tcp/445'],
  'tcp-135': ['tcp/135'],
  'udp-1434': ['udp/1434'],
  icmp: ['icmp'],
  telnet: ['tcp/23', 'tcp/2323'],
};

/** Keep only known keys with allowed values; report the rest (untrusted input from the CLI, storage or a link). */
export function validateAnswers(raw: Record<string, string>): { answers: Record<string, string>; problems: string[] } {
  const answers: Record<string, string> = {};
  const problems: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    const q = QUESTIONS.find((x) => x.key === k);
    if (!q) problems.push(`unknown question "${k}"`);
    else if (!q.options.some((o) => o.value === v)) problems.push(`"${v}" is not an answer to "${k}" (${q.options.map((o) => o.value).join(', ')})`);
    else answers[k] = v;
  }
  return { answers, problems };
}
