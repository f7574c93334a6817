import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  FIELD_RESOLVER_MIDDLEWARE_METADATA,
  PARAM_ARGS_METADATA,
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
import { isObservable, lastValueFrom } from 'rxjs';
import type { AuthContext } from './principal.js';
import { REQUIRED_ROLE } from './require-role.decorator.js';
import { hasRole, type Role } from './role.js';

/** @nestjs/graphql's GqlParamtype (not exported): what @Parent, @Context and @Info read. */
const ROOT = 0;
const CONTEXT = 1;
const INFO = 2;

/** Parameter types for which the global InputValidationPipe hands the value on untouched. */
const PASS_THROUGH = new Set<unknown>([undefined, Object, String, Number, Boolean, Array]);

type Resolve = (parent: unknown, args: unknown, context: AuthContext, info: unknown) => unknown;
type ResolverMap = Record<string, Record<string, unknown>>;

interface Param {
  index: number;
  type: number;
  data: string | undefined;
}

interface LeanField {
  role: Role;
  length: number;
  params: Param[];
  method: (...values: unknown[]) => unknown;
  instance: object;
}

/**
 * A page of 50 claims resolves ~250 relation fields; through Nest each call costs a guard
 * context, a pipe pass per parameter and a dozen promises. This resolves a `@ResolveField`
 * directly when Nest's pipeline would do nothing but that: its parameters are only `@Parent`,
 * `@Context` and `@Info` (no `@Args`, no custom decorator, no pipes, types the global pipe passes
 * through), it has no field middleware, its resolver is a singleton, and the caller's role meets
 * the field's `RequireRole`. That role check still runs on every call, synchronously; anything
 * else (no principal yet, a role too low, a field without a role) goes to Nest's own callback,
 * where RolesGuard gives the same answers and errors as before.
 */
export function leanFieldResolvers(discovery: DiscoveryService, reflector: Reflector) {
  return <T>(resolvers: T): T => {
    const fields = findLeanFields(discovery, reflector);
    // Nest hands over its resolvers and the scalars' as a list of maps.
    const maps = (Array.isArray(resolvers) ? resolvers : [resolvers]) as (ResolverMap | null)[];
    for (const map of maps) {
      if (!map || typeof map !== 'object') continue;
      for (const [key, field] of fields) {
        const [typeName, fieldName] = key.split('.');
        const nest = map[typeName]?.[fieldName];
        if (!field || typeof nest !== 'function') continue;
        map[typeName][fieldName] = leanResolve(field, nest as Resolve);
      }
    }
    return resolvers;
  };
}

function leanResolve(field: LeanField, nest: Resolve): Resolve {
  const { role, length, params, method, instance } = field;
  return (parent, args, context, info) => {
    const principal = context?.principal;
    if (!principal || !hasRole(principal.role, role)) return nest(parent, args, context, info);
    // Like Nest: a method without parameter decorators gets GraphQL's own arguments.
    const values = params.length ? new Array<unknown>(length) : [parent, args, context, info];
    for (const param of params) {
      const source = param.type === ROOT ? parent : param.type === INFO ? info : context;
      values[param.index] =
        param.type === ROOT || !param.data
          ? source
          : (source as Record<string, unknown>)[param.data];
    }
    try {
      const result = method.apply(instance, values);
      return isObservable(result) ? lastValueFrom(result) : result;
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
}

/** `Type.field` → how to call it directly, or null where two resolvers claim the same field. */
function findLeanFields(
  discovery: DiscoveryService,
  reflector: Reflector,
): Map<string, LeanField | null> {
  const fields = new Map<string, LeanField | null>();
  const scanner = new MetadataScanner();
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
    const resolverClass = instance.constructor as object;
    const classType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, resolverClass) as unknown;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    // The scanner skips getters, as Nest's own explorer does.
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const method = prototype[methodName];
      if (typeof method !== 'function') continue;
      if (!Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method)) continue;
      const typeName = (Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) ?? classType) as
        string | undefined;
      if (typeof typeName !== 'string') continue;
      const fieldName =
        (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? methodName;
      const key = `${typeName}.${fieldName}`;
      if (fields.has(key)) {
        fields.set(key, null);
        continue;
      }
      const call = method as (...values: unknown[]) => unknown;
      fields.set(key, describe(instance, resolverClass, methodName, call, reflector));
    }
  }
  return fields;
}

function describe(
  instance: object,
  resolverClass: object,
  methodName: string,
  method: (...values: unknown[]) => unknown,
  reflector: Reflector,
): LeanField | null {
  const middleware = Reflect.getMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, method) as
    unknown[] | undefined;
  if (middleware?.length) return null;
  const role = reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
    method,
    resolverClass as () => void,
  ]);
  if (!role) return null;
  const metadata = (Reflect.getMetadata(PARAM_ARGS_METADATA, resolverClass, methodName) ??
    {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
  const paramTypes = (Reflect.getMetadata('design:paramtypes', instance, methodName) ??
    []) as unknown[];
  const params: Param[] = [];
  for (const [key, { index, data, pipes }] of Object.entries(metadata)) {
    const type = Number(key.split(':')[0]);
    const plain = type === ROOT || type === CONTEXT || type === INFO;
    if (!plain || key.includes('__customRouteArgs__') || pipes?.length) return null;
    if (data !== undefined && typeof data !== 'string') return null;
    if (!PASS_THROUGH.has(paramTypes[index])) return null;
    params.push({ index, type, data });
  }
  const length = Math.max(0, ...params.map((param) => param.index + 1));
  return { role, length, params, method, instance };
}
