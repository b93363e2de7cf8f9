import { WidgetEmpty } from './WidgetStates.tsx';

export function NotesWidget({ text }: { text: string }) {
  if (!text.trim()) return <WidgetEmpty>No notes yet. Edit the widget to write some.</WidgetEmpty>;
  return <p className="notes-text">{text}</p>;
}
