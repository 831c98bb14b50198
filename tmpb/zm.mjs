import * as z from 'zod/mini';
export const s = z.strictObject({ a: z.optional(z.string()), b: z.union([z.literal('x'), z.strictObject({ c: z.number().check ? z.number() : z.number() })]) });
export const r = s.safeParse({ a: 1 });
