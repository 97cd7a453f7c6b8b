// The text that stands where a secret was, in every channel.
export const MASK = '<removed>';
