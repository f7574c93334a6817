import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface IntrospectedType {
  name: string;
  kind: string;
  description: string | null;
  fields: { name: string; description: string | null; args: Described[] }[] | null;
  inputFields: Described[] | null;
  enumValues: Described[] | null;
}

interface Described {
  name: string;
  description: string | null;
}

const INTROSPECTION = `{
  __schema {
    types {
      name kind description
      fields { name description args { name description } }
      inputFields { name description }
      enumValues { name description }
    }
  }
}`;

/** Every place a client reads documentation from, without a description. */
function undocumented(type: IntrospectedType): string[] {
  const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type.name);
  const missing = type.description || isRoot ? [] : [type.name];
  for (const field of [...(type.fields ?? []), ...(type.inputFields ?? [])]) {
    if (!field.description) missing.push(`${type.name}.${field.name}`);
    for (const arg of 'args' in field ? (field.args as Described[]) : []) {
      if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  const values = type.enumValues ?? [];
  // Self-explanatory enums (SpeakerKind, OrderDirection) may document only the type.
  if (values.some((value) => value.description)) {
    for (const value of values) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('the GraphQL schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('documents every type, field, argument and enum value it serves', async () => {
    const { data, errors } = await t.gql<{ __schema: { types: IntrospectedType[] } }>(
      INTROSPECTION,
    );
    expect(errors).toBeUndefined();
    const own = data.__schema.types.filter(
      (type) => !type.name.startsWith('__') && type.kind !== 'SCALAR',
    );
    expect(own.length).toBeGreaterThan(20);
    expect(own.flatMap(undocumented)).toEqual([]);
  });
});
