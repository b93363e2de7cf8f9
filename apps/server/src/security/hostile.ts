import fc from 'fast-check';
import type { JsonSchema, Operation } from './openapi.ts';
import { fillPath } from './openapi.ts';

/**
 * Hostile request generators, driven by a route's JSON schema: a plausible request is built first,
 * then broken the way an attacker or a buggy client would break it.
 */

/** A piece of JSON text spliced in as is: things `JSON.stringify` cannot produce (1e999, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Serialises a value that may hold `RawJson` pieces anywhere inside it. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const marker = `@@raw-${Math.random().toString(36).slice(2)}@@`;
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `${marker}${raws.length - 1}`;
    }
    return v;
  });
  if (text === undefined) return 'null';
  return text.replace(new RegExp(`"${marker}(\\d+)"`, 'g'), (_, i: string) => raws[Number(i)] ?? 'null');
}

const ATTACK_STRINGS = [
  "' OR '1'='1",
  "1'; DROP TABLE payments; --",
  '1 UNION SELECT password_hash FROM users --',
  '" OR ""="',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "{{constructor.constructor('return process')()}}",
  '$' + '{7*7}', // a template-injection probe, spelled so it is not one here
  '%00',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202eevil',
  '🧾💸🙂',
  '𝕏𝕐👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤',
  '\r\nSet-Cookie: session=1',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '0x1F',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00',
  '2026-13',
  '',
  ' ',
  ' \t\n ',
];

const hugeString = fc
  .tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('A', '💸', '<', '\u0000', 'é', "'"))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ATTACK_STRINGS), weight: 4 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    -0,
    0,
    -1,
    0.001,
    1.005,
    12.345,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    5e-324,
    99_999_999_999.99,
    1e15,
  ),
  fc.constantFrom('NaN', '1e308', '-0', '12', '0x10', '1,5', ' 7 ', 'Infinity'),
  fc
    .constantFrom(
      '1e999',
      '-1e999',
      '123456789012345678901234567890',
      '0.1e-400',
      '-0.0',
      '1.0000000000000000001',
      '1E2',
    )
    .map((t) => new RawJson(t)),
  fc.double(),
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.integer(),
  fc.string({ maxLength: 10 }),
);

/** JSON nested thousands of levels deep, written as text (building it as objects would blow the test's stack). */
const deepJson: fc.Arbitrary<RawJson> = fc
  .tuple(fc.integer({ min: 50, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? new RawJson('['.repeat(depth) + ']'.repeat(depth))
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: wrongType, weight: 3 },
  { arbitrary: deepJson, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** Values real rows use, so generated requests also reach the code behind validation. */
export interface KnownValues {
  ids: string[];
  widgetIds: string[];
  tokens: string[];
}

function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

/** A value that satisfies (or nearly satisfies) a schema: the starting point that is then broken. */
export function plausible(schema: JsonSchema, known: KnownValues, name = ''): fc.Arbitrary<unknown> {
  const base = plausibleNonNull(schema, known, name);
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function plausibleNonNull(schema: JsonSchema, known: KnownValues, name: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => plausible(s, known, name)));
  if (schema.allOf?.length) return plausible(Object.assign({}, ...schema.allOf) as JsonSchema, known, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if ((name === 'id' || name.endsWith('_id')) && known.ids.length) return fc.constantFrom(...known.ids);
      const byPattern = schema.pattern ? patternArbitrary(schema.pattern) : undefined;
      if (byPattern) return byPattern;
      const minLength = schema.minLength ?? 0;
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 20, 20)) });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      // Money: decimals with at most two places.
      return fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(plausible(schema.items ?? {}, known, name), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) record[key] = plausible(sub, known, key);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export interface BodyCase {
  /** Raw request body, or undefined for none. */
  payload: string | undefined;
  contentType: string | undefined;
  /** What was done to it, for failure messages. */
  note: string;
}

const json = (payload: string, note: string): BodyCase => ({
  payload,
  contentType: 'application/json',
  note,
});

const NOT_JSON = [
  '{"a":',
  'undefined',
  "{'a':1}",
  '[1,2',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"a":1,}',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":"\\x41"}',
  'NaN',
  '',
];

/** Fields an attacker adds hoping the server trusts them. */
const SMUGGLED_FIELDS: Record<string, unknown>[] = [
  { id: '1' },
  { user_id: '1' },
  { created_by: '1' },
  { role: 'admin' },
  { status: 'paid' },
  { is_admin: true },
  { amount_cents: 1 },
  { password_hash: 'x' },
  { share_token: 'x' },
];

function objectCases(schema: JsonSchema, known: KnownValues): fc.Arbitrary<BodyCase>[] {
  const valid = plausible({ ...schema, nullable: false }, known) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(schema.properties ?? {});
  const required = (schema.required ?? []).filter((k) => keys.includes(k));
  const cases: fc.Arbitrary<BodyCase>[] = [
    valid.map((v) => json(toJsonText(v), 'plausible body')),
    fc
      .tuple(valid, fc.constantFrom(...SMUGGLED_FIELDS))
      .map(([v, extra]) => json(toJsonText({ ...v, ...extra }), `extra fields ${Object.keys(extra).join()}`)),
    fc
      .tuple(
        valid,
        fc.constantFrom('"__proto__":{"role":"admin"}', '"constructor":{"prototype":{"role":"admin"}}'),
      )
      .map(([v, extra]) => {
        const text = toJsonText(v);
        return json(text === '{}' ? `{${extra}}` : `{${extra},${text.slice(1)}`, 'prototype pollution');
      }),
  ];
  if (keys.length) {
    cases.push(
      fc
        .tuple(valid, fc.constantFrom(...keys), hostileValue)
        .map(([v, key, bad]) => json(toJsonText({ ...v, [key]: bad }), `hostile ${key}`)),
      fc
        .tuple(valid, fc.constantFrom(...keys), hostileValue)
        .map(([v, key, bad]) =>
          json(
            `${toJsonText(v).replace(/}$/, '')}${Object.keys(v).length ? ',' : ''}"${key}":${toJsonText(bad)}}`,
            `duplicate ${key}`,
          ),
        ),
    );
  }
  if (required.length) {
    cases.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([v, key]) => {
        const { [key]: _dropped, ...rest } = v;
        return json(toJsonText(rest), `missing ${key}`);
      }),
    );
  }
  return cases;
}

/** Request bodies for a route: broken versions of a plausible body, and bodies that are no JSON object at all. */
export function bodyCases(schema: JsonSchema | undefined, known: KnownValues): fc.Arbitrary<BodyCase> {
  const always: fc.Arbitrary<BodyCase>[] = [
    fc.constant({ payload: undefined, contentType: undefined, note: 'no body' }),
    hostileValue.map((v) => json(toJsonText(v), 'body is not an object')),
    fc.constantFrom(...NOT_JSON).map((text) => json(text, 'not JSON')),
    fc
      .constantFrom(
        { type: 'text/plain', text: '{"a":1}' },
        { type: 'application/x-www-form-urlencoded', text: 'role=admin&amount=1' },
        {
          type: 'multipart/form-data; boundary=x',
          text: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
        },
        { type: 'application/xml', text: '<a>1</a>' },
        { type: 'application/json; charset=utf-16', text: '{}' },
      )
      .map(({ type, text }) => ({ payload: text, contentType: type, note: `content-type ${type}` })),
  ];
  const specific =
    schema && (schema.type === 'object' || schema.properties) ? objectCases(schema, known) : [];
  return fc.oneof(...specific, ...specific, ...always);
}

/** Path ids that must never name a row, crash a parser, or escape the route. Inserted into the path as is. */
const BAD_IDS = [
  '-1',
  '0',
  '00',
  '01',
  '1.5',
  '1e3',
  '99999999999999999999',
  '9007199254740993',
  'abc',
  '..',
  '..%2F..%2Fusers',
  '%2e%2e%2f',
  '1%00',
  '1%20OR%201%3D1',
  '%27',
  '%',
  '%zz',
  encodeURIComponent('🙂'),
  '%20',
  'null',
  'undefined',
  '%5Bobject%20Object%5D',
  'x'.repeat(65),
  '9'.repeat(5_000),
  '1%3B2',
  '%E0%A4%A',
];

function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '?'));
  }
}

function pathValue(name: string, known: KnownValues): fc.Arbitrary<string> {
  const real = name === 'widget_id' ? known.widgetIds : name === 'token' ? known.tokens : known.ids;
  return fc.oneof(
    ...(real.length ? [{ arbitrary: fc.constantFrom(...real), weight: 3 }] : []),
    { arbitrary: fc.constantFrom(...BAD_IDS), weight: 4 },
    { arbitrary: hostileString.map(safeEncode), weight: 2 },
  );
}

function queryValue(schema: JsonSchema, known: KnownValues, name: string): fc.Arbitrary<string | string[]> {
  const asText = (v: unknown) => (typeof v === 'string' ? v : toJsonText(v));
  const one = fc.oneof(
    { arbitrary: plausible(schema, known, name).map(asText), weight: 4 },
    { arbitrary: hostileString, weight: 2 },
    { arbitrary: hostileNumber.map(asText), weight: 1 },
  );
  return fc.oneof(
    { arbitrary: one, weight: 4 },
    { arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }), weight: 1 },
  );
}

export interface HostileRequest {
  method: string;
  url: string;
  query: Record<string, string | string[]>;
  body: BodyCase;
  identity: string;
}

/** Everything about one hostile request except who sends it. */
export function requestArbitrary(
  op: Operation,
  known: KnownValues,
  identities: string[],
): fc.Arbitrary<HostileRequest> {
  const params: Record<string, fc.Arbitrary<string>> = {};
  for (const p of op.pathParams) params[p.name] = pathValue(p.name, known);
  const query: Record<string, fc.Arbitrary<string | string[]>> = {};
  for (const q of op.queryParams) query[q.name] = queryValue(q.schema, known, q.name);
  const extraQuery = fc.dictionary(
    fc.constantFrom('token', 'user_id', 'role', '__proto__[role]', 'limit[$gt]', 'period'),
    hostileString,
    { maxKeys: 2 },
  );
  const [admin, ...others] = identities;
  return fc
    .record({
      params: fc.record(params),
      query: fc.record(query, { requiredKeys: [] }),
      extraQuery: fc.oneof(fc.constant({}), extraQuery),
      body: bodyCases(op.body, known),
      identity: fc.oneof(
        { arbitrary: fc.constant(admin ?? 'anonymous'), weight: 3 },
        { arbitrary: fc.constantFrom(...(others.length ? others : ['anonymous'])), weight: 1 },
      ),
    })
    .map(({ params: values, query: q, extraQuery: extra, body, identity }) => ({
      method: op.method,
      url: fillPath(op.path, values),
      query: Object.fromEntries(
        Object.entries({ ...extra, ...q }).filter(
          (e): e is [string, string | string[]] => e[1] !== undefined,
        ),
      ),
      body,
      identity,
    }));
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** One line a person can read, instead of a 200 kB counterexample. */
export function describeRequest(r: HostileRequest): string {
  const query = Object.entries(r.query)
    .map(([k, v]) => `${k}=${clip(JSON.stringify(v), 40)}`)
    .join('&');
  return `${r.identity}: ${r.method} ${clip(r.url, 100)}${query ? `?${query}` : ''} [${r.body.note}] ${clip(JSON.stringify(r.body.payload ?? ''), 160)}`;
}
