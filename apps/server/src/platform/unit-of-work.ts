import type { Db, Tx } from '../db/index.ts';
import type { DomainEvent } from './domain-events.ts';

/** Runs inside the change's database transaction: rollups and the notification outbox. */
export type TransactionalHandler = (uow: UnitOfWork, event: DomainEvent) => Promise<void>;
/** Runs once the transaction has committed: publishing, cache invalidation. */
export type CommittedHandler = (events: readonly DomainEvent[]) => void;

export interface UnitOfWork {
  readonly tx: Tx;
  /** Records a domain change; transactional handlers run at once, in this transaction. */
  emit(event: DomainEvent): Promise<void>;
  /** Queues work that must only happen if this transaction commits. */
  afterCommit(fn: () => void): void;
  /**
   * Runs once the work is done, still inside the transaction, just before commit: lets a module
   * write what a whole change caused in one go (the notification outbox holds its lock only then).
   */
  beforeCommit(fn: () => Promise<void>): void;
}

/**
 * The write path in one place: a service's change, its derived rows (rollups, outbox) and the
 * after-commit publication all hang off one database transaction.
 */
export class DomainEvents {
  private readonly transactional: TransactionalHandler[] = [];
  private readonly committed: CommittedHandler[] = [];
  private readonly rebuilders: ((tx: Tx) => Promise<void>)[] = [];

  constructor(private readonly db: Db) {}

  onTransaction(handler: TransactionalHandler): void {
    this.transactional.push(handler);
  }

  onCommitted(handler: CommittedHandler): void {
    this.committed.push(handler);
  }

  /** Registers how a module recomputes its derived tables (rollups) from the base rows. */
  onRebuild(handler: (tx: Tx) => Promise<void>): void {
    this.rebuilders.push(handler);
  }

  /** After a bulk load that bypassed the services (seeding), recompute every derived table. */
  async rebuildDerived(): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const rebuild of this.rebuilders) await rebuild(tx);
    });
  }

  async transact<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const events: DomainEvent[] = [];
    const callbacks: (() => void)[] = [];
    const finishers: (() => Promise<void>)[] = [];
    const result = await this.db.transaction().execute(async (tx) => {
      const uow: UnitOfWork = {
        tx,
        emit: async (event) => {
          events.push(event);
          for (const handler of this.transactional) await handler(uow, event);
        },
        afterCommit: (fn) => callbacks.push(fn),
        beforeCommit: (fn) => finishers.push(fn),
      };
      const value = await work(uow);
      for (const finish of finishers) await finish();
      return value;
    });
    for (const fn of callbacks) fn();
    if (events.length > 0) for (const handler of this.committed) handler(events);
    return result;
  }
}
