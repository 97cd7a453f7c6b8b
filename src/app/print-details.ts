// Printing opens every <details> (reasons, alternatives, chart numbers) and closes them again afterwards.
export function openDetailsWhilePrinting(): () => void {
  let opened: HTMLDetailsElement[] = [];
  const before = () => {
    opened = Array.from(document.querySelectorAll('details:not([open])'));
    for (const d of opened) d.open = true;
  };
  const after = () => {
    for (const d of opened) d.open = false;
    opened = [];
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
