import { applyDecorators, Injectable, type PipeTransform } from '@nestjs/common';
import { Args, Field, ID, type FieldOptions } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CommonErrorReason, InvalidInputError } from '../errors/domain-error.js';

const ID_PATTERN = /^[1-9][0-9]{0,9}$/;

/** The id columns are 32-bit integers (`integer` on both databases). */
export const MAX_ENTITY_ID = 2_147_483_647;

/** Ids are positive integers in the database and opaque strings (GraphQL `ID`) on the wire. */
export function parseEntityId(value: unknown): number | undefined {
  const id =
    typeof value === 'string' && ID_PATTERN.test(value)
      ? Number(value)
      : typeof value === 'number'
        ? value
        : NaN;
  return Number.isInteger(id) && id > 0 && id <= MAX_ENTITY_ID ? id : undefined;
}

const ID_MESSAGE = { message: '$property must be a valid id' };

/** An input field of GraphQL type `ID`, validated and handed to services as a number. */
export function EntityIdField(options: FieldOptions & { nullable?: boolean } = {}) {
  return applyDecorators(
    Field(() => ID, options),
    Transform(({ value }: { value: unknown }) =>
      value === null || value === undefined ? value : (parseEntityId(value) ?? value),
    ),
    ...(options.nullable ? [IsOptional()] : []),
    IsInt(ID_MESSAGE),
    Min(1, ID_MESSAGE),
    Max(MAX_ENTITY_ID, ID_MESSAGE),
  );
}

/** For `@Args('id', { type: () => ID }, EntityIdPipe)`: rejects malformed ids as BAD_USER_INPUT. */
@Injectable()
export class EntityIdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: { data?: string }): number {
    const id = parseEntityId(value);
    if (id === undefined) {
      const field = metadata.data ?? 'id';
      throw new InvalidInputError(
        CommonErrorReason.INVALID_ID,
        field,
        `${field} must be a valid id`,
      );
    }
    return id;
  }
}

/** An `id: ID!` argument, validated and handed to the resolver as a number. */
export function IdArg(description: string, name = 'id'): ParameterDecorator {
  return Args(name, { type: () => ID, description }, EntityIdPipe);
}
