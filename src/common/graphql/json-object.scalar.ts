import { GraphQLError, GraphQLScalarType } from 'graphql';

/** A JSON object, sent as is. Output only: no argument takes one. */
export const JsonObjectScalar = new GraphQLScalarType<Record<string, unknown>, object>({
  name: 'JSONObject',
  description: 'A JSON object, e.g. a record as the audit trail keeps it.',
  serialize: (value) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
    throw new GraphQLError('JSONObject cannot represent a non-object value');
  },
});
