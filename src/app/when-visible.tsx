// Renders its children only once their place nears the viewport (or the page is printed): keeps heavy lazy
// chunks such as the charts off the critical path of the report.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function WhenVisible({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    const el = ref.current;
    const show = () => setShown(true);
    window.addEventListener('beforeprint', show);
    let io: IntersectionObserver | null = null;
    if (el && typeof IntersectionObserver !== 'undefined') {
      io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: '300px' });
      io.observe(el);
    } else show();
    return () => {
      window.removeEventListener('beforeprint', show);
      io?.disconnect();
    };
  }, [shown]);
  return (
    <div ref={ref} className={shown ? undefined : 'when-visible-placeholder'}>
      {shown ? children : placeholder}
    </div>
  );
}
