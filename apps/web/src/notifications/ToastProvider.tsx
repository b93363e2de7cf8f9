import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

export interface ToastInput {
  /** Same id twice shows one toast (e.g. a notification replayed after reconnect). */
  id?: string;
  icon?: string;
  title: string;
  message?: string;
}
interface Toast extends ToastInput {
  id: string;
}

export const TOAST_LIMIT = 5;
export const TOAST_DURATION_MS = 5000;

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const counter = useRef(0);

  const show = useCallback((input: ToastInput) => {
    counter.current += 1;
    const toast: Toast = { ...input, id: input.id ?? `toast-${counter.current}` };
    // Newest at the end; keep only the last few so a burst cannot cover the page.
    setToasts((list) => [...list.filter((t) => t.id !== toast.id), toast].slice(-TOAST_LIMIT));
  }, []);
  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: string) => void }) {
  // Each toast owns its timer, so removing it (by hand or by the limit) also cancels the timer.
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_DURATION_MS);
    return () => clearTimeout(timer);
  }, [toast.id, onDismiss]);

  return (
    <div className="toast" role="status">
      {toast.icon && (
        <span className="toast-icon" aria-hidden="true">
          {toast.icon}
        </span>
      )}
      <div className="toast-body">
        <strong>{toast.title}</strong>
        {toast.message && <span>{toast.message}</span>}
      </div>
      <button
        type="button"
        className="icon-btn toast-close"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
