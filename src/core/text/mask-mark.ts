// The text that stands where a secret was (the share masker writes it, src/share/redact-secrets.ts). The core knows
// it because it reads masked pastes too (a share link's receiver, a reload from storage): a line that is only this
// mark is a line the masker hid whole (a crypto block's line, a certificate's, a wrapped secret's tail), still a line
// of the paste where it stands, not a poster's elision.
export const MASK = '<removed>';
