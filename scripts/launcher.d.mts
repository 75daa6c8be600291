export function writeLauncher(
  url: string,
  parent?: string,
): { dir: string; file: string; remove: () => void };
