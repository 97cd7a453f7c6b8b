// What the receiver of a decoded link sees: the diagnosis it carries, or its pastes diagnosed again with the
// sender's verdicts applied (an anonymised link's pastes alone can differ, see core/diagnose.ts SenderHostFact).
import { diagnose, type DiagnoseOptions } from '../core/diagnose';
import type { Diagnosis } from '../core/types';
import type { SharePayload } from './payload-schema';

/** diagnose() options for a link's pastes: the sender's facts, when the link carries any. */
export function receiverOptions(payload: SharePayload): DiagnoseOptions {
  return payload.mode === 'input' && payload.facts?.length ? { senderHostFacts: payload.facts } : {};
}

/** The diagnosis a receiver sees for a valid payload (the CLI's `--open` and the tests; the page does this in its worker). */
export function receivedDiagnosis(payload: SharePayload): Diagnosis {
  if (payload.mode === 'diagnosis') return payload.diagnosis as Diagnosis;
  return diagnose(payload.pastes, payload.answers, receiverOptions(payload));
}
