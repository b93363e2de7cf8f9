import type { Material } from '@logi/contracts';
import { useState } from 'react';
import { useMaterials } from '../../api/queries.ts';
import { formatMoney } from '../../ui/format.ts';
import { Modal } from '../../ui/Modal.tsx';
import { Empty, ErrorState, Loading, LoadMore } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { MaterialForm } from './MaterialForm.tsx';
import { MovementForm } from './MovementForm.tsx';

type Dialog = { kind: 'create' } | { kind: 'move'; material: Material };

export const isLowStock = (m: Material) => m.quantity <= m.min_stock;

export default function MaterialsPage() {
  const [lowOnly, setLowOnly] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useMaterials(lowOnly ? { low_stock: 'true' } : {});
  const rows = list.data?.pages.flatMap((p) => p.materials) ?? [];

  return (
    <section className="page" aria-labelledby="materials-title">
      <header className="page-header">
        <h1 id="materials-title">Materials</h1>
        <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'create' })}>
          New material
        </button>
      </header>
      {notice && <p className="notice">{notice}</p>}
      <div className="filters">
        <label className="checkbox">
          <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} />
          Low stock only
        </label>
      </div>

      {list.isPending ? (
        <Loading label="Loading materials…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>
          {lowOnly ? 'Nothing is low on stock.' : 'No materials yet. Add one with “New material”.'}
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Name</th>
                <th scope="col">Location</th>
                <th scope="col" className="num">
                  In stock
                </th>
                <th scope="col" className="num">
                  Minimum
                </th>
                <th scope="col" className="num">
                  Unit cost
                </th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className={isLowStock(m) ? 'row-alert' : undefined}>
                  <td>{m.reference}</td>
                  <td>{m.name}</td>
                  <td>{m.location || '—'}</td>
                  <td className="num">
                    {m.quantity} {m.unit}{' '}
                    {isLowStock(m) && <StatusBadge status="low_stock" label="Low stock" />}
                  </td>
                  <td className="num">{m.min_stock}</td>
                  <td className="num">{formatMoney(m.unit_cost)}</td>
                  <td>
                    <StatusBadge status={m.state} />
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setDialog({ kind: 'move', material: m })}
                    >
                      Stock movement
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />

      {dialog?.kind === 'create' && (
        <Modal title="New material" onClose={() => setDialog(null)}>
          <MaterialForm
            onCancel={() => setDialog(null)}
            onDone={(m) => {
              setDialog(null);
              setNotice(`${m.name} added.`);
            }}
          />
        </Modal>
      )}
      {dialog?.kind === 'move' && (
        <Modal title={`Stock movement: ${dialog.material.name}`} onClose={() => setDialog(null)}>
          <MovementForm
            material={dialog.material}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              setNotice(`Stock of ${dialog.material.name} updated.`);
            }}
          />
        </Modal>
      )}
    </section>
  );
}
