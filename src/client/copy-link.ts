/**
 * Adds a “复制链接” button, with a live region that reports the result, to
 * every `[data-copy-url]` slot. The button is made here, not in the HTML, so
 * that readers without JavaScript (and text browsers, which ignore `hidden`)
 * never meet a dead control: the URL itself is on the page for everyone.
 * Where the clipboard is unavailable, selects the URL for a long-press copy.
 */
export function enableCopyButtons(): void {
  for (const slot of document.querySelectorAll<HTMLElement>('[data-copy-url]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-secondary';
    button.textContent = '复制链接';
    const status = document.createElement('span');
    status.className = 'copied';
    status.setAttribute('role', 'status');
    slot.append(button, status);
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(slot.dataset.copyUrl ?? '');
        status.textContent = '链接已复制';
      } catch {
        const text = slot.closest('.share')?.querySelector('[data-share-url]');
        if (text) window.getSelection()?.selectAllChildren(text);
        status.textContent = '已选中网址，请长按或按 Ctrl+C 复制';
      }
    });
  }
}
