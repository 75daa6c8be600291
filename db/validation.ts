// Turning schema failures into one readable sentence that names each offending field.
import type { z } from 'zod';

export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const where = issue.path.length ? ` in "${issue.path.join('.')}"` : '';
        return `${prefix}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}`;
      }
      return `${prefix}field "${issue.path.join('.')}": ${issue.message}`;
    })
    .join('; ');
}
