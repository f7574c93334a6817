import { Matches, type ValidationOptions } from 'class-validator';

/**
 * Refuses strings of only white space. Names are trimmed and normalised before they are stored,
 * so "   " would otherwise pass a length check and become a nameless speaker or outlet.
 */
export function NotBlank(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(/\S/, {
    message: options.each
      ? 'each value in $property must not be blank'
      : '$property must not be blank',
    ...options,
  });
}
