// Chart colours read from the page's CSS variables, refreshed when the system theme flips.
import { useEffect, useState } from 'react';

export interface Colours {
  infected: string;
  suspect: string;
  clean: string;
}

function read(): Colours {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { infected: v('--critical', '#a50e0e'), suspect: v('--warning', '#8a4b00'), clean: v('--info', '#1d4f91') };
}

export function useColours(): Colours {
  const [colours, setColours] = useState(read);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColours(read());
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  return colours;
}
