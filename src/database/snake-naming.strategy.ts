import { DefaultNamingStrategy } from 'typeorm';

const toSnakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** snake_case columns, so raw SQL (benchmarks, psql sessions) needs no quoting. */
export class SnakeNamingStrategy extends DefaultNamingStrategy {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]) {
    return customName ?? toSnakeCase([...prefixes, propertyName].join('_'));
  }
}
