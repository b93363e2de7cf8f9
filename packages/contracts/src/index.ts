export * from './auth.ts';
export * from './common.ts';
export * from './dashboards.ts';
export * from './inventory.ts';
export * from './ledger.ts';
export * from './money.ts';
export * from './notifications.ts';
export * from './payments.ts';
