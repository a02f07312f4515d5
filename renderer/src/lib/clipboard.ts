// Putting text on the clipboard. The async Clipboard API first; where the host denies it
// (Electron's permission handler refuses every permission), the copy command, which needs none.

/** Copies `text`; rejects when neither way worked. */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the copy command.
  }
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    written = event.clipboardData !== null;
  };
  doc.addEventListener('copy', onCopy);
  try {
    // Deprecated, but the one way left without a permission; it fires the copy event above.
    doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
  if (!written) throw new Error('The clipboard refused the text.');
}
