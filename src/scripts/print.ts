/** Today's date the Chinese way, for the printed page. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * Fills in the print date (which the static page cannot know) and reveals the
 * “打印本页” buttons, which need JavaScript; without it the browser's own
 * print command still prints the same clean summary, with a blank date line.
 */
export function enablePrinting(): void {
  const stamp = () => {
    for (const el of document.querySelectorAll('[data-print-date]')) el.textContent = today();
  };
  stamp();
  window.addEventListener('beforeprint', stamp);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
    const container = button.closest<HTMLElement>('.print-button');
    if (container) container.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}
