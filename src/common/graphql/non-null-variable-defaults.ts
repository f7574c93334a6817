import { Kind, valueFromASTUntyped, type DocumentNode } from 'graphql';

type Variables = Record<string, unknown> | undefined;

/**
 * graphql-jit 0.8.9, which Mercurius runs once a query is compiled, reports
 * `query ($first: Int! = 20)` sent without `first` as "not provided" instead of using the
 * default (graphql-js gets it right). This preExecution hook fills such defaults in first.
 */
export async function applyNonNullVariableDefaults(
  _schema: unknown,
  document: DocumentNode,
  _context: unknown,
  variables: Variables,
): Promise<{ variables: Record<string, unknown> } | undefined> {
  let completed: Record<string, unknown> | undefined;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      if (
        variable.defaultValue &&
        variable.type.kind === Kind.NON_NULL_TYPE &&
        variables?.[name] === undefined
      ) {
        completed ??= { ...variables };
        completed[name] = valueFromASTUntyped(variable.defaultValue);
      }
    }
  }
  return completed && { variables: completed };
}
