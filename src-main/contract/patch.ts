import { z } from 'zod';

type WithoutDefaults<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K] };

/**
 * The schema of a patch to `schema`: every field optional, unknown fields refused, and no defaults.
 * zod 4 still fills `.default()`s under `.partial()`, so a patch parsed that way would carry every
 * default and a one-field change would reset all the others.
 */
export function patchSchemaOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.removeDefault() : field]),
  ) as WithoutDefaults<S>;
  return z.object(shape).partial().strict();
}
