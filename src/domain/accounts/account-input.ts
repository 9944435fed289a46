import { z } from 'zod';

// Control characters (other than ordinary whitespace) have no place in names or emails.
const noControlChars = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);

export const emailField = z
  .string()
  .max(254, 'must be at most 254 characters')
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email('must be a valid email address'));

export const newPasswordField = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const displayNameField = z
  .string()
  .max(80, 'must be at most 80 characters')
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'must not be empty').refine(noControlChars, 'must not contain control characters'));

export const registerInput = z.object({ email: emailField, password: newPasswordField, displayName: displayNameField });

// Login accepts any password length up to the cap: checking rules here would tell an
// attacker something about the account.
export const loginInput = z.object({ email: emailField, password: z.string().min(1, 'is required').max(200, 'must be at most 200 characters') });

export const refreshTokenInput = z.object({ refreshToken: z.string().min(1, 'is required').max(200, 'is too long') });

export const idTokenInput = z.object({ idToken: z.string().min(1, 'is required').max(8192, 'is too long') });

// The current password is checked, not judged: any length up to the cap.
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
  newPassword: newPasswordField,
});

export const updateProfileInput = z.object({ displayName: displayNameField });
