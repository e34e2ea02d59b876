import { shareText } from '../lib/publish/share-text.ts';

/** A secondary button with the given label, as every JavaScript-made control on the site looks. */
function button(label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button-secondary';
  b.textContent = label;
  return b;
}

/**
 * Adds a “复制链接” button, with a live region that reports the result, to
 * every `[data-copy-url]` slot; it copies the page's name with its address
 * (`data-copy-name`), so that a chat shows what the link is. Where the browser
 * offers the system share sheet (`navigator.share`, mostly phones), a “分享”
 * button opens it with the same name and address. The buttons are made here,
 * not in the HTML, so that readers without JavaScript (and text browsers, which
 * ignore `hidden`) never meet a dead control: the URL itself is on the page
 * for everyone. Where the clipboard is unavailable, selects the URL for a
 * long-press copy.
 */
export function enableCopyButtons(): void {
  for (const slot of document.querySelectorAll<HTMLElement>('[data-copy-url]')) {
    const url = slot.dataset.copyUrl ?? '';
    const name = slot.dataset.copyName;
    const status = document.createElement('span');
    status.className = 'copied';
    status.setAttribute('role', 'status');
    const data: ShareData = { title: name, text: name, url };
    if (typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true)) {
      const share = button('分享');
      share.addEventListener('click', () => {
        // A dismissed sheet rejects with AbortError: nothing to report.
        navigator.share(data).catch(() => undefined);
      });
      slot.append(share);
    }
    const copy = button('复制链接');
    slot.append(copy, status);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(shareText(name, url));
        status.textContent = name ? '名称和链接已复制' : '链接已复制';
      } catch {
        const text = slot.closest('.share')?.querySelector('[data-share-url]');
        if (text) window.getSelection()?.selectAllChildren(text);
        status.textContent = '已选中网址，请长按或按 Ctrl+C 复制';
      }
    });
  }
}
