import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }).max(254));

export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(100).optional(),
});

/**
 * The answer to a registration when the server does not say whether an email is taken: the same
 * whether or not an account was created. The client signs in next with the same email and password.
 */
export const registrationAcceptedSchema = z.object({ status: z.literal('accepted'), message: z.string() });
export type RegistrationAccepted = z.infer<typeof registrationAcceptedSchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/** The interface languages; an account may save one (errors come in it when a request names none). */
export const accountLanguageSchema = z.enum(['en', 'ru']);

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  /** The interface language the user chose, or null before they chose one. */
  language: accountLanguageSchema.nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const updateMeBodySchema = z.strictObject({ language: accountLanguageSchema });

export const createTokenBodySchema = z.object({ name: z.string().trim().min(1).max(100) });

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Returned once, at creation: the token itself is never shown again. */
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });
