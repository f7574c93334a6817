import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import {
  startTestApp,
  type GraphqlError,
  type TestApp,
  type TestKey,
} from '../support/test-app.js';

/**
 * The access rule of every operation the API serves. The matrix test below reads the operations
 * from the schema itself: one added without a line here fails the suite.
 */
const REQUIRED_ROLE: Record<string, Role> = {
  'Query.apiKeys': Role.ADMIN,
  'Query.auditEvents': Role.ADMIN,
  'Query.briefing': Role.RESEARCHER,
  'Query.briefings': Role.RESEARCHER,
  'Query.claim': Role.RESEARCHER,
  'Query.claimGraph': Role.RESEARCHER,
  'Query.claims': Role.RESEARCHER,
  'Query.myQueue': Role.FACT_CHECKER,
  'Query.outlet': Role.RESEARCHER,
  'Query.outlets': Role.RESEARCHER,
  'Query.speaker': Role.RESEARCHER,
  'Query.speakers': Role.RESEARCHER,
  'Query.unverifiedClaims': Role.RESEARCHER,
  'Mutation.assignClaim': Role.FACT_CHECKER,
  'Mutation.createApiKey': Role.ADMIN,
  'Mutation.createBriefing': Role.EDITOR,
  'Mutation.createClaim': Role.EDITOR,
  'Mutation.deleteClaim': Role.EDITOR,
  'Mutation.ingestBriefing': Role.EDITOR,
  'Mutation.linkClaims': Role.EDITOR,
  'Mutation.reviewClaim': Role.EDITOR,
  'Mutation.revokeApiKey': Role.ADMIN,
  'Mutation.unlinkClaims': Role.EDITOR,
  'Mutation.updateClaim': Role.EDITOR,
  'Mutation.updateVerificationStatus': Role.FACT_CHECKER,
  'Mutation.updateVerificationStatuses': Role.FACT_CHECKER,
};

/** Subscriptions are checked at subscribe time over WebSocket (subscriptions.e2e-spec.ts). */
const SUBSCRIPTION_ROLE: Record<string, Role> = {
  'Subscription.claimCreated': Role.RESEARCHER,
  'Subscription.claimStatusChanged': Role.RESEARCHER,
};

const ROLES = [Role.RESEARCHER, Role.EDITOR, Role.FACT_CHECKER, Role.ADMIN];

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface InputValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}

interface IntrospectedType {
  name: string;
  kind: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECTION = `{
  __schema {
    queryType { name }
    mutationType { name }
    types {
      name kind
      fields { name type { ${TYPE_REF} } args { name defaultValue type { ${TYPE_REF} } } }
      inputFields { name defaultValue type { ${TYPE_REF} } }
      enumValues { name }
    }
  }
}`;

/** A syntactically valid request for an operation: dummy values for its required arguments. */
function requestFor(
  rootType: 'query' | 'mutation',
  field: { name: string; args: InputValue[]; type: TypeRef },
  types: Map<string, IntrospectedType>,
): string {
  const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
  const isList = (type: TypeRef): boolean =>
    type.kind === 'LIST' || (type.ofType !== null && isList(type.ofType));
  const literal = (type: TypeRef): string => {
    const base = named(type);
    let value: string;
    switch (base.kind) {
      case 'ENUM':
        value = types.get(base.name!)!.enumValues![0].name;
        break;
      case 'INPUT_OBJECT':
        value = `{ ${required(types.get(base.name!)!.inputFields!)} }`;
        break;
      default:
        value =
          { Int: '1', Boolean: 'true', ID: '"2147483647"', DateTime: '"2023-09-14T00:00:00Z"' }[
            base.name!
          ] ?? '"matrix-probe"';
    }
    return isList(type) ? `[${value}]` : value;
  };
  const required = (values: InputValue[]) =>
    values
      .filter((value) => value.type.kind === 'NON_NULL' && value.defaultValue === null)
      .map((value) => `${value.name}: ${literal(value.type)}`)
      .join(', ');
  const args = required(field.args);
  const returns = named(field.type);
  const selection = returns.kind === 'OBJECT' ? ' { __typename }' : '';
  return `${rootType} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];

describe('API keys and roles', () => {
  let t: TestApp;
  const keys = new Map<Role, TestKey>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES)
      keys.set(role, await t.createKey(role, `matrix-${role.toLowerCase()}`));
  });

  afterAll(async () => {
    await t.close();
  });

  it('walks the whole matrix: every operation in the schema, every role, and no key', async () => {
    const { data } = await t.gql<{
      __schema: { types: IntrospectedType[] };
    }>(INTROSPECTION, undefined, { key: null });
    const types = new Map(data.__schema.types.map((type) => [type.name, type]));
    const operations = (['Query', 'Mutation'] as const).flatMap((root) =>
      types.get(root)!.fields!.map((field) => ({ root, field, name: `${root}.${field.name}` })),
    );
    expect(operations.map((op) => op.name).sort()).toEqual(Object.keys(REQUIRED_ROLE).sort());
    const subscriptions = types.get('Subscription')!.fields!.map((f) => `Subscription.${f.name}`);
    expect(subscriptions.sort()).toEqual(Object.keys(SUBSCRIPTION_ROLE).sort());

    const outcomes: string[] = [];
    for (const { root, field, name } of operations) {
      const request = requestFor(root === 'Query' ? 'query' : 'mutation', field, types);
      const anonymous = await t.gql(request, undefined, { key: null });
      outcomes.push(`${name} without a key: ${anonymous.errors?.[0]?.extensions.code}`);
      expect(anonymous.errors?.[0]?.extensions.code, `${name} without a key`).toBe(
        'UNAUTHENTICATED',
      );

      for (const role of ROLES) {
        const response = await t.gql(request, undefined, { key: keys.get(role)!.key });
        const code = response.errors?.[0]?.extensions.code;
        const allowed = ROLES.indexOf(role) >= ROLES.indexOf(REQUIRED_ROLE[name]);
        if (allowed) {
          expect(
            AUTH_CODES,
            `${name} as ${role}: ${JSON.stringify(response.errors)}`,
          ).not.toContain(code);
        } else {
          expect(code, `${name} as ${role}`).toBe('FORBIDDEN');
          expect(response.errors![0].extensions).toMatchObject({
            reason: 'ROLE_REQUIRED',
            requiredRole: REQUIRED_ROLE[name],
          });
        }
      }
    }
    expect(outcomes).toHaveLength(operations.length);
  });

  it('guards fields as well as operations: a nested read needs a key too', async () => {
    const response = await t.gql(
      `{ claims(first: 1) { edges { node { speaker { name } } } } }`,
      undefined,
      {
        key: 'ctk_AAAAAAAAAAAA_' + 'A'.repeat(43),
      },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_API_KEY',
    });
    expect(response.data).toBeNull();
  });

  it.each([
    ['no header', null, 'MISSING_API_KEY'],
    ['a malformed key', 'not-a-key', 'INVALID_API_KEY'],
    ['an unknown key', `ctk_ZZZZZZZZZZZZ_${'b'.repeat(43)}`, 'INVALID_API_KEY'],
  ])('answers UNAUTHENTICATED for %s', async (_case, key, reason) => {
    const response = await t.gql(`{ briefings(first: 1) { totalCount } }`, undefined, { key });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
  });

  it('creates a key shown once, lists keys without secrets, and revokes a key at once', async () => {
    const name = `desk-${Date.now()}`;
    const created = await t.gql(
      `mutation ($input: CreateApiKeyInput!) {
        createApiKey(input: $input) { key apiKey { name role prefix createdAt lastUsedAt revokedAt } }
      }`,
      { input: { name, role: 'EDITOR' } },
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^ctk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name, role: 'EDITOR', lastUsedAt: null, revokedAt: null });
    expect(key.startsWith(`ctk_${apiKey.prefix}_`)).toBe(true);

    const used = await t.gql(`{ briefings(first: 1) { totalCount } }`, undefined, { key });
    expect(used.errors).toBeUndefined();

    const listed = await t.gql(`{ apiKeys { name role prefix lastUsedAt revokedAt } }`);
    const entry = listed.data.apiKeys.find((k: { name: string }) => k.name === name);
    expect(entry).toMatchObject({ role: 'EDITOR', prefix: apiKey.prefix, revokedAt: null });
    expect(entry.lastUsedAt).not.toBeNull();
    // ctk_<12-character prefix>_<secret>; the secret itself may contain "_".
    expect(JSON.stringify(listed.data)).not.toContain(key.slice('ctk_'.length + 13));

    const revoked = await t.gql(
      `mutation ($name: String!) { revokeApiKey(name: $name) { name revokedAt } }`,
      { name },
    );
    expect(revoked.data.revokeApiKey.revokedAt).not.toBeNull();
    const refused = await t.gql(`{ briefings(first: 1) { totalCount } }`, undefined, { key });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_API_KEY',
    });

    const again = await t.gql(`mutation ($name: String!) { revokeApiKey(name: $name) { name } }`, {
      name,
    });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'API_KEY_NOT_FOUND',
    });
  });

  it('refuses a taken or malformed key name', async () => {
    const mutation = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`;
    const taken = await t.gql(mutation, { input: { name: t.admin.name, role: 'RESEARCHER' } });
    expect(taken.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'API_KEY_NAME_TAKEN',
    });
    const malformed = await t.gql(mutation, {
      input: { name: 'no spaces allowed', role: 'RESEARCHER' },
    });
    expect(malformed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
  });

  it('records the caller as the author of status changes and relations', async () => {
    const checker = keys.get(Role.FACT_CHECKER)!;
    const briefing = await t.gql(
      `mutation { createBriefing(input: { title: "Authors", items: ["Peskov said it."] }) { items { id } } }`,
      undefined,
      { key: keys.get(Role.EDITOR)!.key },
    );
    const itemId = briefing.data.createBriefing.items[0].id;
    const claim = await t.gql(
      `mutation ($itemId: ID!) { createClaim(input: { itemId: $itemId, text: "It happened", speakerName: "Author Probe" }) { id } }`,
      { itemId },
      { key: keys.get(Role.EDITOR)!.key },
    );
    const claimId = claim.data.createClaim.id;
    await t.gql(
      `mutation ($id: ID!) { updateVerificationStatus(input: { claimId: $id, status: DISPUTED, expectedVersion: 1 }) { id } }`,
      { id: claimId },
      { key: checker.key },
    );
    const history = await t.gql(
      `query ($id: ID!) { claim(id: $id) { statusHistory { changedBy } } }`,
      {
        id: claimId,
      },
    );
    expect(history.data.claim.statusHistory).toEqual([
      { changedBy: keys.get(Role.EDITOR)!.name },
      { changedBy: checker.name },
    ]);
  });

  it('keeps errors free of the key itself', async () => {
    const secret = `ctk_QQQQQQQQQQQQ_${'s'.repeat(43)}`;
    const response = await t.gql(`{ briefings(first: 1) { totalCount } }`, undefined, {
      key: secret,
    });
    const errors = response.errors as GraphqlError[];
    expect(JSON.stringify(errors)).not.toContain('s'.repeat(43));
  });
});
