import path from 'node:path';
import { z } from 'zod';

/** Every setting the server reads from its environment, validated once at start-up. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  JWT_SECRET: z
    .string()
    .min(32, 'JWT_SECRET must be at least 32 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DEMO_DATA: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLLUPS: z.enum(['on', 'off']).default('on'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl: string | undefined;
  jwtSecret: string | undefined;
  /** What an empty database is filled with: demo history, the three demo users only, or nothing (tests). */
  seed: 'demo' | 'users' | 'none';
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  schedulerIntervalMs: number;
  /** Benchmark knob only: off stops rollup upkeep (dashboards then read stale figures) to show its cost. */
  rollups: boolean;
  /** Login attempts allowed per minute, per client address and per email. */
  loginRateLimit: { perIp: number; perEmail: number };
  bodyLimitBytes: number;
  /** Where the built web app lives; served when it exists. */
  webDist: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.resolve(e.DATA_DIR, 'logiaccounting.sqlite') },
    redisUrl: e.REDIS_URL,
    jwtSecret: e.JWT_SECRET,
    seed: e.DEMO_DATA === '1' ? 'demo' : 'users',
    logLevel: e.LOG_LEVEL,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
    rollups: e.ROLLUPS === 'on',
    loginRateLimit: { perIp: 30, perEmail: 10 },
    bodyLimitBytes: 1024 * 1024,
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
  };
}
