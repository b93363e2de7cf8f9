import { randomBytes } from 'node:crypto';
import type {
  CreateDashboardBody,
  DashboardExport,
  LayoutInput,
  WidgetConfig,
  WidgetPlacement,
} from '@logi/contracts';
import type { Tx } from '../db/index.ts';
import type { UserRow } from '../db/schema.ts';
import { isoTimestamp } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { Invalid, NotFound } from '../platform/errors.ts';
import { assertLayout } from './layout-rules.ts';
import { layoutOf } from './presenters.ts';
import { dashboardsRepo as repo } from './repo.ts';
import type { DashboardRow } from './tables.ts';
import { templateByName } from './templates.ts';
import { assignWidgetIds } from './widget-ids.ts';

const DAY_MS = 86_400_000;
/** 192 random bits, URL-safe: far past guessing, short enough for a link. */
const newShareToken = () => randomBytes(24).toString('base64url');

function placedLayout(input: LayoutInput, known: ReadonlySet<string> | null, seq: number) {
  const { layout, nextSeq, errors } = assignWidgetIds(input, known, seq);
  if (errors.length) throw new Invalid(`${errors[0]?.path}: ${errors[0]?.message}`, errors);
  assertLayout(layout);
  return { layout: JSON.stringify(layout), next_widget_seq: nextSeq };
}

export interface DashboardUpdate {
  name?: string;
  is_default?: boolean;
  refresh_interval?: number;
}

export function createDashboardsService({ db, clock }: AppContext) {
  const now = () => isoTimestamp(clock.now());

  async function owned(ex: Tx | typeof db, id: number, user: UserRow): Promise<DashboardRow> {
    const row = await repo.ownedBy(ex, id, user.id);
    if (!row) throw new NotFound('This dashboard');
    return row;
  }

  /** Reads, checks and rewrites one of the user's dashboards in a single transaction. */
  function change(id: number, user: UserRow, fn: (row: DashboardRow, tx: Tx) => Promise<DashboardRow>) {
    return db.transaction().execute(async (tx) => fn(await owned(tx, id, user), tx));
  }

  async function insert(
    tx: Tx,
    user: UserRow,
    fields: { name: string; layout: LayoutInput; is_default: boolean; refresh_interval: number },
  ) {
    if (fields.is_default) await repo.clearDefault(tx, user.id);
    return repo.insert(tx, {
      user_id: user.id,
      name: fields.name,
      ...placedLayout(fields.layout, null, 1),
      is_default: fields.is_default ? 1 : 0,
      refresh_interval: fields.refresh_interval,
      share_token: null,
      share_expires_at: null,
      created_at: now(),
      updated_at: now(),
    });
  }

  /** Replaces one widget (or removes it, with `null`) and re-checks the whole layout. */
  function changeWidget(
    id: number,
    widgetId: string,
    user: UserRow,
    edit: (w: WidgetPlacement & { widget_id: string }) => (WidgetPlacement & { widget_id: string }) | null,
  ) {
    return change(id, user, async (row, tx) => {
      const layout = layoutOf(row);
      const index = layout.findIndex((w) => w.widget_id === widgetId);
      const current = layout[index];
      if (!current) throw new NotFound('This widget');
      const edited = edit(current);
      const next = edited ? layout.with(index, edited) : layout.toSpliced(index, 1);
      if (edited) assertLayout(next, (i) => (i === index ? '' : `layout.${i}`));
      return repo.update(tx, row.id, { layout: JSON.stringify(next), updated_at: now() });
    });
  }

  return {
    list: (user: UserRow) => repo.listForUser(db, user.id),
    get: (id: number, user: UserRow) => owned(db, id, user),

    create(body: CreateDashboardBody, user: UserRow) {
      let layout: LayoutInput = body.layout ?? [];
      if (body.from_template !== undefined) {
        const template = templateByName(body.from_template);
        if (!template)
          throw new Invalid('There is no template with this name.', [
            { path: 'from_template', message: 'Choose one of the templates.' },
          ]);
        layout = template.layout.map((w) => ({ ...w, config: { ...w.config } }));
      }
      return db.transaction().execute((tx) => insert(tx, user, { ...body, layout }));
    },

    update: (id: number, body: DashboardUpdate, user: UserRow) =>
      change(id, user, async (row, tx) => {
        if (body.is_default === true) await repo.clearDefault(tx, user.id);
        return repo.update(tx, row.id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.is_default !== undefined ? { is_default: body.is_default ? 1 : 0 } : {}),
          ...(body.refresh_interval !== undefined ? { refresh_interval: body.refresh_interval } : {}),
          updated_at: now(),
        });
      }),

    remove: (id: number, user: UserRow) =>
      change(id, user, async (row, tx) => {
        await repo.remove(tx, row.id);
        return row;
      }),

    setLayout: (id: number, input: LayoutInput, user: UserRow) =>
      change(id, user, (row, tx) => {
        const known = new Set(layoutOf(row).map((w) => w.widget_id));
        return repo.update(tx, row.id, {
          ...placedLayout(input, known, row.next_widget_seq),
          updated_at: now(),
        });
      }),

    addWidget: (id: number, widget: WidgetPlacement, user: UserRow) =>
      change(id, user, (row, tx) => {
        const layout = layoutOf(row);
        const added = { widget_id: `w${row.next_widget_seq}`, ...widget };
        assertLayout([...layout, added], (i) => (i === layout.length ? '' : `layout.${i}`));
        return repo.update(tx, row.id, {
          layout: JSON.stringify([...layout, added]),
          next_widget_seq: row.next_widget_seq + 1,
          updated_at: now(),
        });
      }),

    updateWidget: (
      id: number,
      widgetId: string,
      patch: Partial<Pick<WidgetPlacement, 'x' | 'y' | 'w' | 'h'>> & { config?: WidgetConfig },
      user: UserRow,
    ) => changeWidget(id, widgetId, user, (w) => ({ ...w, ...patch })),

    removeWidget: (id: number, widgetId: string, user: UserRow) =>
      changeWidget(id, widgetId, user, () => null),

    /** A new token every time: sharing again invalidates the previous link. */
    share: (id: number, expiresInDays: number | undefined, user: UserRow) =>
      change(id, user, (row, tx) =>
        repo.update(tx, row.id, {
          share_token: newShareToken(),
          share_expires_at:
            expiresInDays === undefined
              ? null
              : isoTimestamp(new Date(clock.now().getTime() + expiresInDays * DAY_MS)),
          updated_at: now(),
        }),
      ),

    unshare: (id: number, user: UserRow) =>
      change(id, user, (row, tx) =>
        repo.update(tx, row.id, { share_token: null, share_expires_at: null, updated_at: now() }),
      ),

    duplicate: (id: number, user: UserRow) =>
      db.transaction().execute(async (tx) => {
        const source = await owned(tx, id, user);
        return repo.insert(tx, {
          user_id: user.id,
          name: `Copy of ${source.name}`.slice(0, 100),
          layout: source.layout,
          next_widget_seq: source.next_widget_seq,
          is_default: 0,
          refresh_interval: source.refresh_interval,
          share_token: null,
          share_expires_at: null,
          created_at: now(),
          updated_at: now(),
        });
      }),

    /** Import keeps the document's widget ids, so export → import → export gives the same document. */
    import: (doc: DashboardExport, user: UserRow) =>
      db.transaction().execute((tx) =>
        insert(tx, user, {
          name: doc.name,
          layout: doc.layout,
          is_default: false,
          refresh_interval: doc.refresh_interval,
        }),
      ),

    async shared(token: string): Promise<DashboardRow> {
      const row = await repo.byShareToken(db, token, now());
      if (!row) throw new NotFound('This shared dashboard');
      return row;
    },
  };
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
