import type { Material } from '@logi/contracts';
import { useState } from 'react';
import { useMaterials } from '../../api/queries.ts';
import { FilterCheckbox } from '../../ui/Filters.tsx';
import { formatMoney } from '../../ui/format.ts';
import { Modal } from '../../ui/Modal.tsx';
import { type Column, PagedTable } from '../../ui/PagedTable.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { PageSection } from '../shared/PageSection.tsx';
import { MaterialForm } from './MaterialForm.tsx';
import { MovementForm } from './MovementForm.tsx';

type Dialog = { kind: 'create' } | { kind: 'move'; material: Material };

export const isLowStock = (m: Material) => m.quantity <= m.min_stock;

const COLUMNS: Column[] = [
  'Reference',
  'Name',
  'Location',
  { label: 'In stock', numeric: true },
  { label: 'Minimum', numeric: true },
  { label: 'Unit cost', numeric: true },
  'State',
];

export default function MaterialsPage() {
  const [lowOnly, setLowOnly] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useMaterials(lowOnly ? { low_stock: 'true' } : {});

  return (
    <PageSection
      id="materials"
      title="Materials"
      notice={notice}
      createLabel="New material"
      onCreate={() => setDialog({ kind: 'create' })}
    >
      <div className="filters">
        <FilterCheckbox label="Low stock only" checked={lowOnly} onChange={setLowOnly} />
      </div>
      <PagedTable
        list={list}
        loadingLabel="Loading materials…"
        empty={lowOnly ? 'Nothing is low on stock.' : 'No materials yet. Add one with “New material”.'}
        columns={COLUMNS}
        actions
      >
        {(m) => (
          <tr key={m.id} className={isLowStock(m) ? 'row-alert' : undefined}>
            <td>{m.reference}</td>
            <td>{m.name}</td>
            <td>{m.location || '—'}</td>
            <td className="num">
              {m.quantity} {m.unit} {isLowStock(m) && <StatusBadge status="low_stock" label="Low stock" />}
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
        )}
      </PagedTable>

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
    </PageSection>
  );
}
