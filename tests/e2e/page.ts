// What every UI test watches on its page: console errors (a refused CSP load shows up there), uncaught
// exceptions, failed requests and dialogs (none may open: record text is never run as HTML).
import type { Page } from '@playwright/test';

export const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';
export const ECUADOR_TITLE = 'Presidential Meeting and Binational Cabinet Peru–Ecuador';

export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The progress stream is aborted on purpose when a screen stops listening.
    if (!request.url().endsWith('/api/events')) problems.push(`request failed: ${request.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}
