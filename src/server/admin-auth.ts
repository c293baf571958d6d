import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AisleError, UnauthorizedError } from '../core/index.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A pre-handler for admin routes: `Authorization: Bearer $AISLE_ADMIN_KEY`. Without a configured
 * key the admin API is closed, not open.
 */
export function adminGuard(adminKey: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    if (adminKey === undefined) {
      throw new AisleError('admin_disabled', 'the admin API is disabled: set AISLE_ADMIN_KEY to enable it', {
        status: 403,
      });
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1] || !sameSecret(match[1].trim(), adminKey)) {
      throw new UnauthorizedError('admin routes need Authorization: Bearer <AISLE_ADMIN_KEY>');
    }
  };
}
