// The text that stands where a secret was, in every channel (defined with the core, which reads masked pastes too).
export { MASK } from '../core/text/mask-mark';
