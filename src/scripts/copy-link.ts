/**
 * Reveals the “复制链接” buttons (they need JavaScript; the URL itself is on
 * the page for everyone) and copies the link, saying so in a live region.
 * Where the clipboard is unavailable, selects the URL for a long-press copy.
 */
export function enableCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-url]')) {
    const container = button.closest<HTMLElement>('.copy');
    const status = container?.querySelector('.copied');
    if (!container || !status) continue;
    container.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copyUrl ?? '');
        status.textContent = '链接已复制';
      } catch {
        const text = button.closest('.share')?.querySelector('[data-share-url]');
        if (text) window.getSelection()?.selectAllChildren(text);
        status.textContent = '已选中网址，请长按或按 Ctrl+C 复制';
      }
    });
  }
}
