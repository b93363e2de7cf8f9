import type { TokenService } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import type { Db, Engine } from '../db/index.ts';
import type { Clock } from './clock.ts';
import type { DomainEvents } from './unit-of-work.ts';

/** What every module is built from; created once in `buildApp`. */
export interface AppContext {
  config: Config;
  db: Db;
  engine: Engine;
  clock: Clock;
  events: DomainEvents;
  tokens: TokenService;
}
