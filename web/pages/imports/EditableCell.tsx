// A table cell edited in place: click (or Enter) opens an editor; Enter or leaving saves, Escape cancels.
// A cell kehoach doubts is amber with the reason in a tooltip; a cell the server refused is red.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Input, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';

interface Props {
  value: string;
  onCommit: (value: string) => void;
  label: string;
  multiline?: boolean;
  /** Why kehoach doubts this cell (amber). */
  doubt?: string;
  /** The server's message for this cell (red). */
  error?: string;
  placeholder?: string;
  /** Shown under the text (the deadline's reading). */
  extra?: ReactNode;
}

export default function EditableCell({ value, onCommit, label, multiline, doubt, error, placeholder = '—', extra }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  const cancelled = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const area = useRef<TextAreaRef>(null);
  useEffect(() => { if (!editing) setText(value); }, [value, editing]);
  useEffect(() => {
    if (!editing) return;
    const el = area.current?.resizableTextArea?.textArea;
    if (el) { el.focus(); el.setSelectionRange(el.value.length, el.value.length); }
  }, [editing]);

  const open = () => { cancelled.current = false; setText(value); setEditing(true); };
  const close = (save: boolean) => {
    if (cancelled.current) return;
    cancelled.current = true;
    if (save && text !== value) onCommit(text);
    setEditing(false);
    // Give the keyboard back to the cell, so Tab continues from here.
    setTimeout(() => box.current?.focus(), 0);
  };

  const cls = ['kh-imp-cell', doubt && 'kh-imp-doubt', error && 'kh-imp-error'].filter(Boolean).join(' ');
  if (editing) {
    return (
      <div className={cls} onClick={(e) => e.stopPropagation()}>
        <Input.TextArea
          ref={area}
          aria-label={label}
          value={text}
          autoSize={{ minRows: multiline ? 2 : 1, maxRows: 10 }}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => close(true)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(false); }
            if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); close(true); }
          }}
        />
        <div className="kh-muted">Enter để lưu, Shift+Enter xuống dòng, Esc để hủy</div>
      </div>
    );
  }
  const body = (
    <div
      ref={box} className={cls} role="button" tabIndex={0} aria-label={`${label}: ${value || 'trống'}. Bấm để sửa`}
      onClick={open}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === 'F2') { e.preventDefault(); open(); } }}
    >
      <span className="kh-imp-text">{value || <span className="kh-muted">{placeholder}</span>}</span>
      {extra}
      {error && <div className="kh-imp-error-text">{error}</div>}
    </div>
  );
  return doubt ? <Tooltip title={doubt}>{body}</Tooltip> : body;
}
