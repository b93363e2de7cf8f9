import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_DURATION_MS, ToastProvider, useToast } from './ToastProvider.tsx';

function Trigger() {
  const toast = useToast();
  let n = 0;
  return (
    <button
      type="button"
      onClick={() => {
        n += 1;
        toast({ title: `Toast ${n}`, message: `Message ${n}` });
      }}
    >
      Show toast
    </button>
  );
}

const show = () => fireEvent.click(screen.getByRole('button', { name: 'Show toast' }));

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <Trigger />
      </ToastProvider>,
    );
  });
  afterEach(() => vi.useRealTimers());

  it('disappears by itself after 5 seconds', () => {
    show();
    expect(screen.getByRole('status')).toHaveTextContent('Toast 1');
    act(() => vi.advanceTimersByTime(TOAST_DURATION_MS - 1));
    expect(screen.getByRole('status')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('stacks toasts and keeps only the newest five', () => {
    for (let i = 0; i < 7; i++) show();
    const toasts = screen.getAllByRole('status');
    expect(toasts).toHaveLength(5);
    expect(toasts[0]).toHaveTextContent('Toast 3');
    expect(toasts[4]).toHaveTextContent('Toast 7');
  });

  it('each toast times out on its own schedule', () => {
    show();
    act(() => vi.advanceTimersByTime(3000));
    show();
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Toast 2');
  });

  it('closes with its Dismiss button, leaving the others', () => {
    show();
    show();
    const [first] = screen.getAllByRole('status');
    if (!first) throw new Error('no toast');
    fireEvent.click(
      first.querySelector('button[aria-label="Dismiss"]') ??
        screen.getAllByRole('button', { name: 'Dismiss' })[0]!,
    );
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Toast 2');
    expect(vi.getTimerCount()).toBe(1);
  });
});
