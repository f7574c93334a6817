import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createScratchDatabase,
  postGraphql,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process.js';

const onPostgres = inject('databaseUrl').startsWith('postgres');
const SEED = 20261201;
const MIN_INPUTS = 5000;
const CONCURRENCY = 8;
const BODY_LIMIT = 1_048_576;

/** What no answer may contain: stack frames, SQL, driver text, source paths. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\bat (file:\/\/|\/)\S+:\d+:\d+/],
  ['SQL', /\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b/i],
  ['SQLite driver', /SQLITE_|sqlite3|better-sqlite/i],
  ['PostgreSQL driver', /duplicate key|violates|syntax error at or near|relation "|pg_/i],
  ['ORM', /QueryFailedError|EntityNotFound|TypeORM|typeorm/],
  ['source path', /\/work\/|node_modules|\/src\/\S+\.[jt]s|dist\/\S+\.js/],
  [
    'internal error text',
    /Cannot read propert|is not a function|undefined is not|Maximum call stack/,
  ],
];

/** Strings of every kind: unicode, control characters, empty, huge, look-alike attacks. */
const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\u0000\u0001\u0002\u001b[31m',
      '\r\n\t\v\f',
      '\uFEFF\u200B\u202E',
      '\uD800',
      '💥🇺🇦👩‍👩‍👧',
      'Київ Zürich 東京 القاهرة',
      "' OR '1'='1",
      '1; DROP TABLE claims; --',
      '%00%27%22',
      '../../../../etc/passwd',
      '<script>alert(1)</script>',
      '${jndi:ldap://x}',
      '{{7*7}}',
      '__proto__',
      'constructor',
      'null',
      'undefined',
      'NaN',
      '-1',
      '1e308',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(101, 301, 2_001, 10_001, 100_000),
        fc.string({ minLength: 1, maxLength: 3 }),
      )
      .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
  },
);

const anyInt = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(0, -1, 1, 100, 101, 2_147_483_647, -2_147_483_648),
  fc.integer(),
);

const anyFloat = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, -1.5, 1e308, -1e308, 5e-324),
);

const anyDate = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2023-02-30T00:00:00Z',
      '0000-00-00',
      '+275760-09-13T00:00:00.000Z',
      'yesterday',
      '2023-09-14',
      '',
    ),
  },
  { weight: 1, arbitrary: anyInt },
);

/** Values a client might send where any JSON goes: the "wrong type" mutations. */
const nonsense: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, [], {}, [[[]]], { a: { b: { c: { d: {} } } } }, true, 1.5, -0, 'x'),
);

/** Every claim and item id a fuzz input may hit besides random ones. */
interface KnownIds {
  ids: string[];
}

function idArbitrary(known: KnownIds): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known.ids) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '1.5',
        '1e3',
        '0x10',
        ' 1',
        '99999999999999999999999',
        '9007199254740993',
      ),
    },
    { weight: 1, arbitrary: anyInt },
    { weight: 1, arbitrary: anyString },
  );
}

/** An arbitrary for a value of `type`, mostly well-typed, sometimes nonsense of any shape. */
function valueFor(type: GraphQLInputType, known: KnownIds, depth = 0): fc.Arbitrary<unknown> {
  const wellTyped = wellTypedValue(type, known, depth);
  return fc.oneof({ weight: 40, arbitrary: wellTyped }, { weight: 1, arbitrary: nonsense });
}

function wellTypedValue(
  type: GraphQLInputType,
  known: KnownIds,
  depth: number,
  allowNull = true,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = fc.oneof(
      { weight: 40, arbitrary: wellTypedValue(type.ofType, known, depth, false) },
      { weight: 1, arbitrary: nonsense },
    );
    return fc.oneof({ weight: 50, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const nullable = (arbitrary: fc.Arbitrary<unknown>) =>
    allowNull
      ? fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: fc.constant(null) })
      : arbitrary;
  if (isListType(type)) {
    const item = valueFor(type.ofType, known, depth + 1);
    return nullable(
      fc.oneof(
        { weight: 8, arbitrary: fc.array(item, { maxLength: 5 }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: 99, maxLength: 130 }) },
        { weight: 1, arbitrary: item },
      ),
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return nullable(
      fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: anyString },
      ),
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) record[field.name] = valueFor(field.type, known, depth + 1);
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    const object = fc.record(record, { requiredKeys: required });
    return nullable(
      fc.oneof(
        { weight: 8, arbitrary: object },
        {
          weight: 1,
          arbitrary: fc
            .tuple(object, fc.dictionary(anyString, nonsense, { maxKeys: 3 }))
            .map(([value, extra]) => ({ ...extra, ...(value as object) })),
        },
        { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
      ),
    );
  }
  switch (type.name) {
    case 'ID':
      return nullable(idArbitrary(known));
    case 'Int':
      return nullable(anyInt);
    case 'Float':
      return nullable(anyFloat);
    case 'Boolean':
      return nullable(fc.boolean());
    case 'DateTime':
      return nullable(anyDate);
    case 'JSONObject':
      return nullable(fc.oneof(fc.object({ maxDepth: 2 }), nonsense));
    default:
      return nullable(anyString);
  }
}

/** `__typename` and the leaf fields that need no arguments: enough to run the resolver. */
function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type)) return ' { __typename }';
  const leaves = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  return ` { __typename ${leaves.join(' ')} }`;
}

/** A GraphQL literal for `value`, enum names bare, so inline arguments reach the parser too. */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const named = isNonNullType(type) ? type.ofType : type;
  if (isListType(named)) {
    return Array.isArray(value)
      ? `[${value.map((item) => literal(item, named.ofType)).join(', ')}]`
      : literal(value, named.ofType);
  }
  if (isEnumType(named) && typeof value === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) {
    return value;
  }
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, named)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{${Object.entries(value)
      .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
      .map(([key, item]) => `${key}: ${literal(item, fields[key]?.type ?? named)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

interface FuzzCase {
  operation: string;
  query: string;
  variables?: Record<string, unknown>;
}

function casesFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  known: KnownIds,
  runs: number,
  seed: number,
): FuzzCase[] {
  const selection = selectionFor(field);
  const args: readonly GraphQLArgument[] = field.args;
  const argumentValues = fc.record(
    Object.fromEntries(args.map((arg) => [arg.name, valueFor(arg.type, known)])),
    { requiredKeys: args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name) },
  );
  const arbitrary = fc.tuple(argumentValues, fc.double({ min: 0, max: 1, noNaN: true }));
  return fc.sample(arbitrary, { seed, numRuns: runs }).map(([values, mode]) => {
    const given = args.filter((arg) => arg.name in values);
    if (mode < 0.2) {
      const inline = given.map((arg) => `${arg.name}: ${literal(values[arg.name], arg.type)}`);
      const call = inline.length ? `(${inline.join(', ')})` : '';
      return { operation: field.name, query: `${kind} { ${field.name}${call}${selection} }` };
    }
    const declarations = given.map((arg) => `$${arg.name}: ${String(arg.type)}`);
    const call = given.map((arg) => `${arg.name}: $${arg.name}`);
    return {
      operation: field.name,
      query:
        `${kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} ` +
        `{ ${field.name}${call.length ? `(${call.join(', ')})` : ''}${selection} }`,
      variables: values,
    };
  });
}

/**
 * Thousands of generated inputs, built from the live schema's argument and input types, against
 * every query and mutation of the built server: no INTERNAL_SERVER_ERROR, no 5xx, nothing
 * internal in any answer, and the server still answers at the end.
 */
describe(`fuzzing every operation from the schema (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: { url: string; drop: () => Promise<void> };
  let server: ServerProcess;
  let key: string;

  beforeAll(async () => {
    database = await createScratchDatabase(inject('databaseUrl'), 'fuzz');
    server = await startServerProcess(database.url);
    key = server.firstAdminKey()!;
    expect(key).toMatch(/^ctk_/);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('refuses the NUL character in any string argument, naming the field (found by fuzzing)', async () => {
    // PostgreSQL cannot store U+0000 in text: unchecked, these were INTERNAL_SERVER_ERRORs.
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'mutation ($name: String!) { revokeApiKey(name: $name) { name } }',
        { name: 'a\u0000b' },
        'name',
      ],
      [
        'mutation ($input: CreateBriefingInput!) { createBriefing(input: $input) { id } }',
        { input: { title: 'T', url: 'https://x.example/nul', items: ['ok', 'bad\u0000'] } },
        'input.items.1',
      ],
      [
        'query ($filter: ClaimFilter) { claims(filter: $filter) { totalCount } }',
        { filter: { search: '\u0000' } },
        'filter.search',
      ],
    ];
    for (const [query, variables, field] of cases) {
      const { status, body } = await postGraphql(server.url, key, query, variables);
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it(`answers ≥ ${MIN_INPUTS} generated inputs without an internal error or a leak`, async () => {
    const introspection = await postGraphql(server.url, key, getIntrospectionQuery());
    expect(introspection.body.errors).toBeUndefined();
    const schema: GraphQLSchema = buildClientSchema(introspection.body.data as IntrospectionQuery);
    const ids = await postGraphql(
      server.url,
      key,
      `{ claims(first: 20) { edges { node { id item { id } briefing { id } speaker { id } } } } }`,
    );
    const known: KnownIds = {
      ids: [
        ...new Set(
          ids.body.data.claims.edges.flatMap(
            ({
              node,
            }: {
              node: {
                id: string;
                item: { id: string };
                briefing: { id: string };
                speaker: { id: string };
              };
            }) => [node.id, node.item.id, node.briefing.id, node.speaker.id],
          ) as string[],
        ),
      ],
    };

    const operations = [
      ...Object.values(schema.getQueryType()!.getFields()).map(
        (field) => ['query', field] as const,
      ),
      ...Object.values(schema.getMutationType()!.getFields()).map(
        (field) => ['mutation', field] as const,
      ),
    ];
    // Operations without arguments have little to vary: a few runs each, the rest shared out.
    const withArgs = operations.filter(([, field]) => field.args.length > 0).length;
    const runs = Math.ceil((MIN_INPUTS - 5 * (operations.length - withArgs)) / withArgs);
    const cases = operations.flatMap(([kind, field], index) =>
      casesFor(kind, field, known, field.args.length ? runs : 5, SEED + index),
    );
    // Mutations delete and revoke as they go: a fixed interleaving keeps the run repeatable.
    const ordered = fc.sample(fc.shuffledSubarray(cases, { minLength: cases.length }), {
      seed: SEED,
      numRuns: 1,
    })[0];

    const violations: string[] = [];
    const codes = new Map<string, number>();
    let next = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < ordered.length) {
        const fuzz = ordered[next++];
        const size = Buffer.byteLength(
          JSON.stringify({ query: fuzz.query, variables: fuzz.variables }),
        );
        let answer: Awaited<ReturnType<typeof postGraphql>>;
        try {
          answer = await postGraphql(server.url, key, fuzz.query, fuzz.variables);
        } catch (error) {
          // Over a body limit the server answers 413 and closes while the client still writes.
          if (size > BODY_LIMIT) {
            codes.set('413 closed early', (codes.get('413 closed early') ?? 0) + 1);
            continue;
          }
          violations.push(
            `${fuzz.operation}: no answer (${String(error)}) to ${fuzz.query.slice(0, 200)}`,
          );
          continue;
        }
        const { status, body } = answer;
        const text = JSON.stringify(body);
        const errorText = JSON.stringify(body.errors ?? []);
        const errorCodes: string[] = (body.errors ?? []).map(
          (error: { extensions?: { code?: string } }) => error.extensions?.code ?? 'NO_CODE',
        );
        for (const code of errorCodes.length
          ? errorCodes
          : [status === 200 ? 'OK' : `HTTP ${status}`]) {
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
        const problems = [
          ...(status >= 500 ? [`HTTP ${status}`] : []),
          ...(errorCodes.includes('INTERNAL_SERVER_ERROR') ? ['INTERNAL_SERVER_ERROR'] : []),
          ...(errorCodes.includes('NO_CODE') ? ['an error without extensions.code'] : []),
          // Internals leak through errors; data holds what the schema says (a new key's random
          // secret may well read "Pg_").
          ...LEAKS.filter(([, pattern]) => pattern.test(stripEcho(errorText, fuzz))).map(
            ([name]) => `leaks ${name}`,
          ),
        ];
        if (problems.length) {
          violations.push(
            `${fuzz.operation}: ${problems.join(', ')}\n  query: ${fuzz.query.slice(0, 400)}\n` +
              `  variables: ${JSON.stringify(fuzz.variables ?? null)?.slice(0, 400)}\n  answer: ${text.slice(0, 600)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;

    const alive = await postGraphql(server.url, key, '{ claims(first: 1) { totalCount } }');
    expect(alive.status).toBe(200);
    expect(alive.body.errors).toBeUndefined();
    expect(server.child.exitCode).toBeNull();
    console.log(
      `fuzz (${onPostgres ? 'postgres' : 'sqlite'}, seed ${SEED}): ${ordered.length} inputs over ` +
        `${operations.length} operations in ${seconds.toFixed(1)} s; violations ${violations.length}; ` +
        `answers by code: ${[...codes]
          .sort((a, b) => b[1] - a[1])
          .map(([code, n]) => `${code} ${n}`)
          .join(', ')}`,
    );
    expect(ordered.length).toBeGreaterThanOrEqual(MIN_INPUTS);
    expect(violations.slice(0, 5)).toEqual([]);
  }, 180_000);
});

/**
 * The answer without the fuzz input's own strings, which error messages may quote back
 * ("got invalid value …"): a leak is what the server adds, not what the client sent.
 */
function stripEcho(answer: string, fuzz: FuzzCase): string {
  const sent = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string' && value.length > 2) sent.add(JSON.stringify(value).slice(1, -1));
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        collect(k);
        collect(v);
      }
    }
  };
  collect(fuzz.variables);
  for (const match of fuzz.query.matchAll(/"((?:[^"\\]|\\.)*)"/g)) sent.add(match[1]);
  let stripped = answer;
  for (const value of [...sent].sort((a, b) => b.length - a.length)) {
    stripped = stripped.split(value).join('');
  }
  return stripped;
}
