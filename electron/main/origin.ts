// The app's own origin: app://bundle/. Compared by protocol and host — `new URL('app://…').origin` is
// the string 'null' for a non-special scheme, so origins cannot be compared as strings.
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password
    );
  } catch {
    return false;
  }
}
