// How large a document may be on this device: refused at attach and at import alike.

/** 100 MiB unless VALIJA_MAX_DOCUMENT_MB says otherwise. */
export function maxDocumentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.VALIJA_MAX_DOCUMENT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : 100 * 1024 * 1024;
}
