// A control that needs the app does nothing before it runs: in the prerendered first screen it is disabled (a click
// would be lost, typing replaced when the app takes over), and the app's own, enabled, replaces it. Links and
// <details> work in plain HTML and stay as they are.

/** `html` (React's own output: attribute values have no `>`) with every button, input, select and textarea disabled. */
export function disableControls(html: string): string {
  return html.replace(/<(button|input|select|textarea)\b([^>]*)>/g, (tag, name: string, attrs: string) =>
    /\sdisabled(?:[\s=/]|$)/.test(attrs) ? tag : `<${name} disabled=""${attrs}>`,
  );
}
