import type { z } from 'astro/zod';

/** A failed validation as one line: `path: message; path: message`, `whole` for the value itself. */
export function describeIssues(error: z.ZodError, whole: string): string {
  return error.issues.map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`).join('; ');
}
