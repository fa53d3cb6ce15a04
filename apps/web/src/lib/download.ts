import type { DownloadedFile } from './api-client';

/** Hands a downloaded file to the browser, which saves it under its name. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the address once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
