const z = require('zod/mini');
const s = z.strictObject({ a: z.optional(z.int()), b: z.optional(z.enum(['x','y'])), c: z.optional(z.union([z.literal('default'), z.strictObject({ d: z.optional(z.string()) })])), e: z.optional(z.array(z.string()).check(z.minLength(1))), r: z.optional(z.record(z.string(), z.string())), g: z.string().check(z.refine((v) => v.startsWith('h'), { message: 'no', params: { ruleId: 'HUB110' } })) });
console.log(typeof s.safeParse, Object.keys(s));
const r = s.safeParse({ a: 'x', b: 'z', c: { q: 1 }, e: [], g: 'x', zz: 1 });
console.log(JSON.stringify(r.error.issues, null, 0));
console.log(s.def?.shape ? Object.keys(s.def.shape) : 'noshape', s.shape ? 'shape' : 'no .shape', typeof z.optional(z.string()).unwrap, z.optional(z.string()).def.innerType ? 'inner' : '');
console.log(s.def.shape.c.def.innerType.def.options?.length, s.def.shape.c.def.innerType.options?.length);
