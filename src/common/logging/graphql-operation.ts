import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { bindRequestLog } from './logger.js';

/** The operation a request runs: the one `operationName` names, or the document's only one. */
export function selectedOperation(
  document: DocumentNode,
  operationName?: unknown,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (typeof operationName === 'string') {
    return operations.find((operation) => operation.name?.value === operationName);
  }
  return operations.length === 1 ? operations[0] : undefined;
}

/** A preExecution hook: later log lines of the request name its operation and type. */
export async function bindOperationToLog(
  _schema: unknown,
  document: DocumentNode,
  context: MercuriusContext,
): Promise<void> {
  const reply = context.reply;
  if (!reply) return;
  const requested = (reply.request.body as { operationName?: unknown } | undefined)?.operationName;
  const operation = selectedOperation(document, requested);
  bindRequestLog(reply, {
    operationName: operation?.name?.value ?? null,
    operationType: operation?.operation ?? null,
  });
}
