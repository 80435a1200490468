import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface OriginCheckOptions {
  /** Origins besides the app's own whose pages may send state-changing requests (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** True when the request authenticates with a bearer token, which a cross-site page cannot send. */
  usesBearerToken(request: FastifyRequest): boolean;
}

/** The origin a browser says the request comes from: Origin, else the origin of Referer. */
function claimedOrigin(request: FastifyRequest): string | undefined {
  const { origin, referer } = request.headers;
  if (origin !== undefined) return origin;
  if (referer === undefined) return undefined;
  return URL.canParse(referer) ? new URL(referer).origin : 'null';
}

/**
 * The app's own origin is the host the request was sent to (X-Forwarded-Host only from a trusted
 * proxy). A request that arrived over https must come from an https page: an http page on the
 * same host could be anyone's on the way.
 */
function isOwnOrigin(origin: string, request: FastifyRequest): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  const target = `${url.protocol}//${request.host}`;
  if (!URL.canParse(target) || new URL(target).host !== url.host) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && request.protocol === 'http');
}

/**
 * Cross-site request forgery: a page on another site can make the browser send a form or a
 * simple fetch to the API with the user's session cookie. Every state-changing request a browser
 * sends carries Origin (older ones at least Referer), so one naming another site is refused before
 * any route runs. Requests without either come from programs, which cannot borrow a user's
 * cookie; bearer-token requests need a CORS preflight this server never grants, so they pass.
 */
export function registerOriginCheck(app: FastifyInstance, options: OriginCheckOptions): void {
  const allowed = new Set(options.allowedOrigins);
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || options.usesBearerToken(request)) return;
    const origin = claimedOrigin(request);
    if (origin === undefined || allowed.has(origin) || isOwnOrigin(origin, request)) return;
    throw new AppError(
      'FORBIDDEN',
      `Cross-site request refused: ${request.method} from origin ${origin.slice(0, 200)}, which is not this app's; an operator can allow it in ALLOWED_ORIGINS`,
    );
  });
}
