/** Pagefind's start, told the page's language where it cannot read it itself. */
interface Startable {
  init(): Promise<void>;
}

/**
 * Starts Pagefind's runtime with the given page language. Pagefind picks its
 * language, and with it Chinese word segmentation of the query, from
 * `document`'s <html lang>; in Node and in a Web Worker there is no document,
 * and it would search another way than on the page. A stand-in that answers
 * only that question is lent while Pagefind starts, and taken back at once.
 */
export async function startInLanguage(pagefind: Startable, lang: string): Promise<void> {
  const global = globalThis as { document?: unknown };
  global.document = { querySelector: (selector: string) => (selector === 'html' ? { getAttribute: (name: string) => (name === 'lang' ? lang : null) } : null) };
  try {
    await pagefind.init();
  } finally {
    delete global.document;
  }
}
