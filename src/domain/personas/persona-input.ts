import { z } from 'zod';
import { PersonaKind } from './persona.entity';

const noControlChars = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => s.trim())
    .refine(noControlChars, 'must not contain control characters');
const list = z.array(text(80).pipe(z.string().min(1, 'items must not be empty'))).max(30, 'at most 30 items');

const fields = {
  name: text(80).pipe(z.string().min(1, 'must not be empty')),
  age: z.number().int('must be a whole number').min(16, 'must be at least 16').max(120, 'must be at most 120').nullable(),
  gender: text(40).nullable(),
  relationshipContext: text(120).nullable(),
  description: text(8000),
  interests: list,
  values: list,
  goals: list,
  dealbreakers: list,
};

export const createPersonaInput = z.object({
  kind: z.enum(PersonaKind),
  name: fields.name,
  age: fields.age.optional(),
  gender: fields.gender.optional(),
  relationshipContext: fields.relationshipContext.optional(),
  description: fields.description.optional(),
  interests: fields.interests.optional(),
  values: fields.values.optional(),
  goals: fields.goals.optional(),
  dealbreakers: fields.dealbreakers.optional(),
});

export const updatePersonaInput = z.object({
  name: fields.name.optional(),
  age: fields.age.optional(),
  gender: fields.gender.optional(),
  relationshipContext: fields.relationshipContext.optional(),
  description: fields.description.optional(),
  interests: fields.interests.optional(),
  values: fields.values.optional(),
  goals: fields.goals.optional(),
  dealbreakers: fields.dealbreakers.optional(),
});

export type CreatePersonaInput = z.infer<typeof createPersonaInput>;
export type UpdatePersonaInput = z.infer<typeof updatePersonaInput>;
