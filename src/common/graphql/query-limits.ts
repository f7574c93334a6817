import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import mercurius from 'mercurius';
import { MAX_PAGE_SIZE } from '../pagination/page.args.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

export enum QueryLimitReason {
  MAX_DEPTH = 'MAX_DEPTH',
  MAX_ALIASES = 'MAX_ALIASES',
  MAX_DIRECTIVES = 'MAX_DIRECTIVES',
  MAX_TOKENS = 'MAX_TOKENS',
  MAX_COST = 'MAX_COST',
}

const limitError = (message: string, reason: QueryLimitReason, limit: number) =>
  new GraphQLError(message, { extensions: { code: QUERY_LIMIT_EXCEEDED, reason, limit } });

/** graphql-armor reports through this instead of its own uncoded error. */
const rejectWith = (reason: QueryLimitReason, limit: number) => ({
  n: limit,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitError(error.message, reason, limit)),
  ],
});

/** A paged field costs `first` times its selection; anything else 1 plus its selection. */
const pageAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity }) =>
  field.args.some((arg) => arg.name === 'first')
    ? 1 + Number(args.first ?? MAX_PAGE_SIZE) * childComplexity
    : undefined;

/** The validation rules that bound every request's depth, aliases and directives. */
export function queryLimitRules(limits: QueryLimits, production: boolean): ValidationRule[] {
  return [
    maxDepthRule({
      ...rejectWith(QueryLimitReason.MAX_DEPTH, limits.maxDepth),
      ignoreIntrospection: true,
    }),
    maxAliasesRule(rejectWith(QueryLimitReason.MAX_ALIASES, limits.maxAliases)),
    maxDirectivesRule(rejectWith(QueryLimitReason.MAX_DIRECTIVES, limits.maxDirectives)),
    // The schema is public knowledge only outside production.
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

/**
 * The cost limit, as a preExecution hook because it needs the variables (validation runs once
 * per query text and is cached): `claims(first: 100) { … speaker { claims(first: 100) … } }`
 * costs over 10,000 and is refused before anything runs.
 */
export function costLimitHook(maxCost: number) {
  return async (
    schema: GraphQLSchema,
    document: DocumentNode,
    _context: unknown,
    variables: Record<string, unknown> | undefined,
  ): Promise<void> => {
    const cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      estimators: [pageAwareEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (cost > maxCost) {
      throw new mercurius.ErrorWithProps(
        `The query costs ${cost}, more than the ${maxCost} allowed: ask for smaller pages or fewer nested lists`,
        { code: QUERY_LIMIT_EXCEEDED, reason: QueryLimitReason.MAX_COST, limit: maxCost, cost },
        400,
      );
    }
  };
}

/** Mercurius reports a parse aborted by `maxTokens` as a plain syntax error; give it its code. */
export function tokenLimitError(error: GraphQLError, maxTokens: number): GraphQLError | null {
  return /Document contains more tha[nt] \d+ tokens/.test(error.message)
    ? limitError(error.message, QueryLimitReason.MAX_TOKENS, maxTokens)
    : null;
}
