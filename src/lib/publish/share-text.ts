/**
 * What “复制链接” puts on the clipboard: the page's name, a space and its address,
 * so that a chat shows what the link is: 社会保障卡补领、换领、换发 https://…/items/2-15/.
 * Without a name, the bare address.
 */
export function shareText(name: string | undefined, url: string): string {
  const trimmed = (name ?? '').trim();
  return trimmed === '' ? url : `${trimmed} ${url}`;
}
