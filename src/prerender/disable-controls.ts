// A control that needs the app does nothing before it runs: in the prerendered first screen it is disabled (a click
// would be lost, typing replaced when the app takes over), and marked so, for the app to enable it again when it
// adopts the screen as it is (src/app/adopt-first-screen.ts). Links and <details> work in plain HTML.
import { PRERENDER_DISABLED } from '../ui/first-screen';

/** `html` (React's own output: attribute values have no `>`) with every button, input, select and textarea disabled. */
export function disableControls(html: string): string {
  return html.replace(/<(button|input|select|textarea)\b([^>]*)>/g, (tag, name: string, attrs: string) =>
    /\sdisabled(?:[\s=/]|$)/.test(attrs) ? tag : `<${name} disabled="" ${PRERENDER_DISABLED}=""${attrs}>`,
  );
}
