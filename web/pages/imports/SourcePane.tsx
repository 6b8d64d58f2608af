// The document as kehoach read it, numbered by line; the line the person is looking at is highlighted
// and scrolled into view inside the pane (never the page).
import { memo, useEffect, useMemo, useRef } from 'react';

export interface LineFocus { line: number; seq: number }

interface Props { text: string; focus: LineFocus | null; marked?: number[]; phone?: boolean }

const Lines = memo(function Lines({ lines, marked }: { lines: string[]; marked: Set<number> }) {
  return (
    <>
      {lines.map((l, i) => (
        <div key={i} id={`kh-src-${i + 1}`} className={`kh-imp-line${marked.has(i + 1) ? ' kh-imp-line-mark' : ''}`}>
          <span>{i + 1}</span><span>{l || '\u00a0'}</span>
        </div>
      ))}
    </>
  );
});

export default function SourcePane({ text, focus, marked = [], phone }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => text.split('\n'), [text]);
  const markedSet = useMemo(() => new Set(marked), [marked]);
  useEffect(() => {
    const pane = box.current;
    if (!pane) return;
    pane.querySelectorAll('.kh-imp-line-current').forEach((el) => el.classList.remove('kh-imp-line-current'));
    if (!focus) return;
    const el = pane.querySelector<HTMLElement>(`#kh-src-${focus.line}`);
    if (!el) return;
    el.classList.add('kh-imp-line-current');
    pane.scrollTo({ top: Math.max(0, el.offsetTop - pane.clientHeight / 3), behavior: phone ? 'auto' : 'smooth' });
  }, [focus, lines, phone]);
  return (
    <div ref={box} className={`kh-imp-source${phone ? ' kh-imp-source-phone' : ''}`} role="region" aria-label="Văn bản gốc" tabIndex={0}
      style={{ position: 'relative' }} data-current-line={focus?.line ?? ''}>
      <Lines lines={lines} marked={markedSet} />
    </div>
  );
}
