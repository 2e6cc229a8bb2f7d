/**
 * Saves an image, avatar or b-roll: the server's presigned URL answers `Content-Disposition: attachment`
 * with a readable file name, so the browser downloads it even from the storage's other origin.
 */
export function DownloadLink({ url, label }: { url: string | null | undefined; label: string }) {
  if (!url) return null;
  return (
    <a className="download-link btn-small" href={url} download aria-label={`Download ${label}`}>
      Download
    </a>
  );
}
