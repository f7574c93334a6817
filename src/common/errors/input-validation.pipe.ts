import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
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
