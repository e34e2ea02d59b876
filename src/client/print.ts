/** Today's date the Chinese way, for the printed page. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * Writes today's date into every `[data-print-date]`, now and again just before printing
 * (a page left open overnight prints the day it is printed). Without JavaScript the line
 * stays blank, to be filled in by hand.
 */
export function stampPrintDate(): void {
  const stamp = () => {
    for (const el of document.querySelectorAll('[data-print-date]')) el.textContent = today();
  };
  stamp();
  window.addEventListener('beforeprint', stamp);
}

/**
 * Opens every closed `details[data-print-open]` while the page prints and closes it again after: print.css
 * opens them through ::details-content, which engines before it (Firefox ESR 140) lack.
 */
function openForPaper(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details[data-print-open]:not([open])')];
    for (const box of opened) box.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const box of opened) box.open = false;
    opened = [];
  });
}

/**
 * Fills in the print date (which the static page cannot know) and adds the
 * “打印本页” button to every `[data-print-slot]`. The button is made here, not
 * in the HTML, so that readers without JavaScript (and text browsers) never
 * meet a dead control; the browser's own print command still prints the same
 * clean summary, with a blank date line.
 */
export function enablePrinting(): void {
  stampPrintDate();
  openForPaper();
  for (const slot of document.querySelectorAll<HTMLElement>('[data-print-slot]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = '打印本页';
    button.addEventListener('click', () => window.print());
    slot.append(button);
  }
}
