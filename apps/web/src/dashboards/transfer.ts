/** Moving a dashboard in and out as a file: what the browser needs around the export/import API. */

/** A file name a dashboard's name can safely become. */
export function exportFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'dashboard'}.dashboard.json`;
}

/** Saves a JSON document through the browser's download. */
export function downloadJson(fileName: string, document: unknown): void {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }),
  );
  const link = Object.assign(window.document.createElement('a'), { href: url, download: fileName });
  link.click();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A chosen file that cannot be a dashboard export; its message is for the person who chose it. */
export class FileProblem extends Error {}

/** The parsed JSON of a chosen file, or a FileProblem. */
export async function readJsonFile(file: File): Promise<unknown> {
  if (file.size > 1024 * 1024)
    throw new FileProblem('That file is too large to be a dashboard export (over 1 MB).');
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new FileProblem('That file is not a dashboard export: it does not contain JSON.');
  }
}
