/** Saves `url` (a data: or blob: URL) as a file through a temporary download link. */
export function downloadUrl(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, name);
  // Give the browser the click's turn to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
