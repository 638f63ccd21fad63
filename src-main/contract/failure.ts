import { z } from 'zod';

/** A plain-language failure as the renderer sees it. */
export const FailureSchema = z.object({ code: z.string(), message: z.string() });
