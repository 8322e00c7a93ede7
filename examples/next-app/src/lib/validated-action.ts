import type { z } from 'zod';

export type ActionState = {
  error?: string;
  fields?: Record<string, string>;
};

/**
 * Wraps a server action so it only runs with form data that passes `schema`; otherwise the form gets the
 * first validation message back.
 */
export function validatedAction<S extends z.ZodTypeAny, T>(
  schema: S,
  action: (data: z.infer<S>, formData: FormData) => Promise<T>,
) {
  return async (_prevState: ActionState, formData: FormData): Promise<T | ActionState> => {
    const result = schema.safeParse(Object.fromEntries(formData));
    if (!result.success) {
      return { error: result.error.issues[0]?.message ?? 'Invalid input' };
    }
    return action(result.data, formData);
  };
}
