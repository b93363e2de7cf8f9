import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FilterCheckbox, FilterDate, FilterSelect } from './Filters.tsx';
import { FormActions } from './FormActions.tsx';

const TYPES = { income: 'Income', expense: 'Expense' } as const;

describe('FilterSelect', () => {
  it('starts with "All", which stands for no filter', async () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <FilterSelect label="Type" value={undefined} options={TYPES} onChange={onChange} />,
    );
    const select = screen.getByRole('combobox', { name: 'Type' });
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'All',
      'Income',
      'Expense',
    ]);

    await userEvent.selectOptions(select, 'Expense');
    expect(onChange).toHaveBeenLastCalledWith('expense');

    rerender(<FilterSelect label="Type" value="expense" options={TYPES} onChange={onChange} />);
    await userEvent.selectOptions(select, 'All');
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('can leave "All" out', () => {
    render(<FilterSelect label="Show" value="income" options={TYPES} all={false} onChange={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Show' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['Income', 'Expense']);
    expect(select).toHaveValue('income');
  });
});

describe('FilterCheckbox and FilterDate', () => {
  it('report the new state, an empty date as no filter', async () => {
    const onCheck = vi.fn();
    const onDate = vi.fn();
    render(
      <>
        <FilterCheckbox label="Overdue only" checked={false} onChange={onCheck} />
        <FilterDate label="From" value="2026-01-31" onChange={onDate} />
      </>,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    expect(onCheck).toHaveBeenCalledWith(true);
    await userEvent.clear(screen.getByLabelText('From'));
    expect(onDate).toHaveBeenLastCalledWith(undefined);
  });
});

describe('FormActions', () => {
  it('offers Cancel and the submit button, relabelled and disabled while pending', async () => {
    const onCancel = vi.fn();
    const { rerender } = render(
      <FormActions onCancel={onCancel} pending={false} submitLabel="Create payment" />,
    );
    expect(screen.getByRole('button', { name: 'Create payment' })).toHaveAttribute('type', 'submit');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();

    rerender(<FormActions onCancel={onCancel} pending submitLabel="Create payment" />);
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    rerender(<FormActions onCancel={onCancel} pending submitLabel="Create" pendingLabel="Creating…" />);
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  });
});
