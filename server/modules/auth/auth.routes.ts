import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  apiTokenSchema,
  createTokenBodySchema,
  createdTokenSchema,
  loginBodySchema,
  registerBodySchema,
  registrationAcceptedSchema,
  updateMeBodySchema,
  userSchema,
} from '../../../contracts/auth.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'rf_session';

/** The token of an `Authorization: Bearer ...` header, if the request has one. */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return (header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined) || undefined;
}

/** Reads the credentials a request carries: a bearer token wins over the session cookie. */
export function credentialsOf(request: FastifyRequest): { sessionToken?: string; bearerToken?: string } {
  return { bearerToken: bearerTokenOf(request), sessionToken: request.cookies[SESSION_COOKIE] };
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAge: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge,
  });
}

export function registerAuthRoutes(router: ApiRouter, auth: AuthService) {
  router.addPublic({
    method: 'POST',
    url: '/api/auth/register',
    summary:
      'Create an account. Answers 202 whether or not the email was free (then sign in with it); with REGISTRATION_REVEALS_TAKEN_EMAIL=true, 201 with the user and a session, or 409',
    tags: ['auth'],
    body: registerBodySchema,
    response: z.union([registrationAcceptedSchema, userSchema]),
    status: 202,
    errors: [409],
    handler: async ({ body, request, reply }) => {
      const created = await auth.register(body);
      if (!created) return { status: 'accepted', message: 'If no account used this email, it has been created: sign in with this email and password.' };
      setSessionCookie(request, reply, created.sessionToken, auth.sessionMaxAgeSec);
      reply.code(201);
      return created.user;
    },
  });

  router.addPublic({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with email and password (rate-limited)',
    tags: ['auth'],
    body: loginBodySchema,
    response: userSchema,
    errors: [429],
    handler: async ({ body, request, reply }) => {
      const { user, sessionToken } = await auth.login(body, request.ip);
      setSessionCookie(request, reply, sessionToken, auth.sessionMaxAgeSec);
      return user;
    },
  });

  router.add({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'End this session',
    tags: ['auth'],
    status: 204,
    handler: async ({ user, reply }) => {
      await auth.logout(user);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  router.add({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in user',
    tags: ['auth'],
    response: userSchema,
    handler: ({ user }) => auth.me(user),
  });

  router.add({
    method: 'PATCH',
    url: '/api/auth/me',
    summary: 'Save the interface language; errors come in it when a request sends no Accept-Language naming en or ru',
    tags: ['auth'],
    body: updateMeBodySchema,
    response: userSchema,
    handler: ({ user, body }) => auth.setLanguage(user, body.language),
  });

  router.add({
    method: 'POST',
    url: '/api/auth/tokens',
    summary: 'Create a personal API token (shown once)',
    tags: ['auth'],
    body: createTokenBodySchema,
    response: createdTokenSchema,
    status: 201,
    handler: ({ user, body }) => auth.createToken(user, body.name),
  });

  router.add({
    method: 'GET',
    url: '/api/auth/tokens',
    summary: 'List personal API tokens (without their secret)',
    tags: ['auth'],
    response: z.array(apiTokenSchema),
    handler: ({ user }) => auth.listTokens(user),
  });

  router.add({
    method: 'DELETE',
    url: '/api/auth/tokens/:tokenId',
    summary: 'Revoke a personal API token',
    tags: ['auth'],
    params: z.object({ tokenId: z.uuid() }),
    status: 204,
    errors: [404],
    handler: ({ user, params }) => auth.deleteToken(user, params.tokenId),
  });
}
