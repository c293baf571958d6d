/**
 * Admin and staff authentication. Two ways in, one guard:
 * - `Authorization: Bearer $AISLE_ADMIN_KEY` (scripts, the store's own backend);
 * - the staff console's sign-in cookie, which the console gets by presenting the key once
 *   (`POST /v1/staff/login`), so the key never sits in page source or browser storage.
 *
 * The cookie is httpOnly, SameSite=Strict and signed with a secret derived from the admin key, so
 * rotating the key signs everyone out. Because a browser attaches cookies on its own, a
 * state-changing request authenticated by the cookie must also carry `X-Aisle-Staff: 1`: a header a
 * cross-site form cannot set, and one a cross-site script cannot send without a CORS preflight the
 * server never grants.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { AisleError, type Clock, systemClock, UnauthorizedError } from '../core/index.js';

export const STAFF_COOKIE = 'aisle_staff';
/** The header cookie-authenticated state-changing requests must carry (value `1`). */
export const STAFF_HEADER = 'x-aisle-staff';
export const STAFF_SIGN_IN_HOURS = 12;
const STAFF_SIGN_IN_MS = STAFF_SIGN_IN_HOURS * 60 * 60 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who is acting on an admin or staff route. */
export interface StaffMember {
  /** The display name given at sign-in; `admin` for the bearer key. */
  readonly name: string;
  readonly via: 'key' | 'cookie';
  /** When the sign-in cookie expires (epoch ms); null for the bearer key. */
  readonly expiresAt: number | null;
}

/** A cookie for `reply.setCookie` (the @fastify/cookie plugin parses and writes cookies). */
export interface StaffCookie {
  readonly name: string;
  readonly value: string;
  readonly options: {
    readonly httpOnly: true;
    readonly sameSite: 'strict';
    readonly path: '/';
    readonly secure: boolean;
    readonly maxAge: number;
  };
}

export interface StaffSignIn {
  readonly member: StaffMember;
  readonly cookie: StaffCookie;
}

export interface StaffAuth {
  /** A pre-handler for admin and staff routes. */
  readonly guard: (request: FastifyRequest) => Promise<void>;
  /** The member behind a request the guard let through (throws as the guard does otherwise). */
  identify(request: FastifyRequest): StaffMember;
  /** Checks the admin key and issues a sign-in cookie for `name`. */
  signIn(key: string, name: string, options: { secure: boolean }): StaffSignIn;
  /** The cookie that replaces the sign-in cookie with an expired, empty one. */
  signOutCookie(options: { secure: boolean }): StaffCookie;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function adminDisabled(): AisleError {
  return new AisleError('admin_disabled', 'the admin API is disabled: set AISLE_ADMIN_KEY to enable it', {
    status: 403,
  });
}

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1]?.trim() ?? null;
}

interface CookieClaims {
  readonly n: string;
  readonly e: number;
}

function readClaims(encoded: string): CookieClaims | null {
  try {
    const claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<CookieClaims>;
    return typeof claims.n === 'string' && typeof claims.e === 'number' ? { n: claims.n, e: claims.e } : null;
  } catch {
    return null;
  }
}

export function createStaffAuth(options: { adminKey: string | undefined; clock?: Clock }): StaffAuth {
  const { adminKey } = options;
  const clock = options.clock ?? systemClock;
  // A secret of its own, so a signature can never be replayed as the key or vice versa.
  const cookieSecret =
    adminKey === undefined
      ? null
      : createHmac('sha256', adminKey).update('aisle staff sign-in cookie').digest();

  const fromCookie = (request: FastifyRequest): StaffMember | null => {
    // request.cookies exists where the @fastify/cookie plugin is registered (buildServer does).
    const raw = request.cookies?.[STAFF_COOKIE];
    if (cookieSecret === null || raw === undefined) return null;
    const unsigned = fastifyCookie.unsign(raw, cookieSecret);
    if (!unsigned.valid || unsigned.value === null) return null;
    const claims = readClaims(unsigned.value);
    if (claims === null || claims.e <= clock.now()) return null;
    return { name: claims.n, via: 'cookie', expiresAt: claims.e };
  };

  const identify = (request: FastifyRequest): StaffMember => {
    if (adminKey === undefined) throw adminDisabled();
    const key = bearer(request);
    if (key !== null && sameSecret(key, adminKey)) return { name: 'admin', via: 'key', expiresAt: null };
    const member = fromCookie(request);
    if (member === null) {
      throw new UnauthorizedError(
        'admin routes need Authorization: Bearer <AISLE_ADMIN_KEY> or a staff sign-in (POST /v1/staff/login)',
      );
    }
    if (!SAFE_METHODS.has(request.method) && request.headers[STAFF_HEADER] !== '1') {
      throw new AisleError(
        'staff_header_required',
        `changes made with the staff sign-in cookie need the header X-Aisle-Staff: 1`,
        { status: 403 },
      );
    }
    return member;
  };

  const cookie = (value: string, secure: boolean, maxAge: number): StaffCookie => ({
    name: STAFF_COOKIE,
    value,
    options: { httpOnly: true, sameSite: 'strict', path: '/', secure, maxAge },
  });

  return {
    guard: async (request) => {
      identify(request);
    },
    identify,
    signIn(key, name, { secure }) {
      if (adminKey === undefined || cookieSecret === null) throw adminDisabled();
      if (!sameSecret(key, adminKey)) throw new UnauthorizedError('that is not the admin key');
      const expiresAt = clock.now() + STAFF_SIGN_IN_MS;
      const claims = Buffer.from(JSON.stringify({ n: name, e: expiresAt } satisfies CookieClaims)).toString(
        'base64url',
      );
      return {
        member: { name, via: 'cookie', expiresAt },
        cookie: cookie(fastifyCookie.sign(claims, cookieSecret), secure, STAFF_SIGN_IN_MS / 1000),
      };
    },
    signOutCookie({ secure }) {
      return cookie('', secure, 0);
    },
  };
}

/**
 * The pre-handler every admin route uses: the bearer key, or the staff sign-in cookie (with
 * `X-Aisle-Staff: 1` on changes). Without a configured key the admin API is closed, not open.
 */
export function adminGuard(adminKey: string | undefined, clock?: Clock) {
  return createStaffAuth(clock === undefined ? { adminKey } : { adminKey, clock }).guard;
}
