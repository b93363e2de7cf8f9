import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fakeApi.ts';
import { renderWithApp, signIn } from '../../test/render.tsx';
import { TransactionForm } from './TransactionForm.tsx';

const CATEGORIES = {
  body: {
    categories: [
      { id: 'c-rent', name: 'Rent', type: 'expense' },
      { id: 'c-sales', name: 'Sales', type: 'income' },
    ],
  },
};

async function fillValidForm() {
  await userEvent.type(screen.getByLabelText('Amount'), '1500.50');
  await userEvent.selectOptions(await screen.findByLabelText('Category'), 'Rent');
  await userEvent.type(screen.getByLabelText('Description'), 'Office rent');
}

describe('TransactionForm', () => {
  beforeEach(() => signIn());

  it('shows the server’s 422 messages next to the fields they belong to', async () => {
    fakeApi({
      'GET /api/v1/categories': CATEGORIES,
      'POST /api/v1/transactions': {
        status: 422,
        body: {
          detail: 'Some fields are not valid.',
          errors: [
            { path: 'date', message: 'The date cannot be more than a year ahead.' },
            { path: 'category_id', message: 'This category does not exist.' },
          ],
        },
      },
    });
    const onDone = vi.fn();
    renderWithApp(<TransactionForm onDone={onDone} onCancel={() => {}} />);
    await fillValidForm();
    await userEvent.click(screen.getByRole('button', { name: 'Create transaction' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Some fields are not valid.');
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription(
      'The date cannot be more than a year ahead.',
    );
    expect(screen.getByLabelText('Date')).toBeInvalid();
    expect(screen.getByLabelText('Category')).toHaveAccessibleDescription('This category does not exist.');
    expect(screen.getByLabelText('Amount')).toBeValid();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('lists server errors for fields the form does not show in the form-level alert', async () => {
    fakeApi({
      'GET /api/v1/categories': CATEGORIES,
      'POST /api/v1/transactions': {
        status: 422,
        body: {
          detail: 'Invalid.',
          errors: [{ path: 'approval.threshold', message: 'Threshold misconfigured.' }],
        },
      },
    });
    renderWithApp(<TransactionForm onDone={() => {}} onCancel={() => {}} />);
    await fillValidForm();
    await userEvent.click(screen.getByRole('button', { name: 'Create transaction' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid. Threshold misconfigured.');
  });

  it('validates with the contract schema before sending anything', async () => {
    const calls = fakeApi({ 'GET /api/v1/categories': CATEGORIES });
    renderWithApp(<TransactionForm onDone={() => {}} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Amount'), '12.345');
    await userEvent.click(screen.getByRole('button', { name: 'Create transaction' }));

    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription(
      expect.stringContaining('Use at most two decimals'),
    );
    expect(screen.getByLabelText('Category')).toBeInvalid();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends a valid transaction and reports it saved', async () => {
    const saved = {
      id: 't1',
      type: 'expense',
      amount: 1500.5,
      category_id: 'c-rent',
      date: '2026-01-10',
      description: 'Office rent',
      project_id: null,
      status: 'posted',
      created_by: 'u-admin',
      created_at: '2026-01-10T10:00:00Z',
    };
    const calls = fakeApi({
      'GET /api/v1/categories': CATEGORIES,
      'POST /api/v1/transactions': { status: 201, body: saved },
    });
    const onDone = vi.fn();
    renderWithApp(<TransactionForm onDone={onDone} onCancel={() => {}} />);
    await fillValidForm();
    await userEvent.click(screen.getByRole('button', { name: 'Create transaction' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(saved));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ type: 'expense', amount: 1500.5, category_id: 'c-rent' });
  });
});
