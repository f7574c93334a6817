import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CommonErrorReason, InvalidInputError } from './domain-error.js';
import { toInvalidInputError } from './validation-error.factory.js';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Validates every GraphQL argument whose type is a class with class-validator rules, and hands
 * the resolver the transformed instance. Unlike Nest's ValidationPipe it knows the argument's
 * name, so errors name the field as the client wrote it (`input.text`, `first`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, { metatype, data }: ArgumentMetadata): Promise<unknown> {
    // An @ArgsType class has no name of its own: its fields are the arguments.
    const nul = findNulCharacter(value, data ?? '');
    if (nul) {
      const violations = [
        { field: nul, messages: ['must not contain the NUL character (U+0000)'] },
      ];
      throw new InvalidInputError(
        CommonErrorReason.VALIDATION_FAILED,
        nul,
        `${nul}: must not contain the NUL character (U+0000)`,
        { violations },
      );
    }
    if (!metatype || PRIMITIVES.has(metatype) || value === null || value === undefined) {
      return value;
    }
    const instance = plainToInstance(metatype, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false });
    if (errors.length > 0) {
      throw toInvalidInputError(errors, data);
    }
    return instance;
  }
}

/**
 * The path of the first string holding U+0000, in any argument, however nested. PostgreSQL
 * cannot store it in text (the insert fails: a 500), so both databases refuse it up front.
 */
function findNulCharacter(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'input' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, join(path, index));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, join(path, key));
      if (found) return found;
    }
  }
  return null;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
