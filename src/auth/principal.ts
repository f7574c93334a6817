import type { Role } from './role.js';

/** Who is calling: the API key that authenticated the request. */
export interface Principal {
  apiKeyId: number;
  /** The key's name; recorded as `changedBy`, `createdBy` and in the audit trail. */
  name: string;
  role: Role;
}

/** The part of a request's context that authentication fills in. */
export interface AuthContext {
  /** Resolves the request's principal once, from its Authorization header; null if none. */
  authenticate: () => Promise<Principal | null>;
  principal?: Principal;
}
