/**
 * Pagefind's data files (metadata, index and filter chunks, fragments, its
 * WebAssembly) are gzip on disk, and its runtime carries a gzip inflater of its
 * own: 2 KiB of every first search. The runtime the site ships has it taken out
 * (src/build/pagefind-runtime.ts) and is given its files inflated instead, by the
 * platform's DecompressionStream (every browser that runs the search worker has
 * it: both arrived in Safari 16.4, and the worker's regular expressions need
 * that version already). Pagefind reads inflated bytes as they are, by their
 * signature.
 */

/** A Pagefind data file's URL: `*.pf_meta`, `*.pf_index`, `*.pf_filter`, `*.pf_fragment`, `wasm.*.pagefind`. */
const PAGEFIND_DATA = /\.(?:pf_[a-z]+|pagefind)(?:[?#]|$)/;

/** Whether a URL is one of Pagefind's gzip data files (not its runtime or its entry JSON). */
export function isPagefindData(url: string): boolean {
  return PAGEFIND_DATA.test(url);
}

/**
 * A successful response with its gzip body inflated; a body that is not gzip
 * (served inflated already) is left as it is. Pagefind reads only the bytes.
 */
export async function inflated(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return new Response(gzip ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')) : bytes);
}

/** A fetch that inflates Pagefind's data files and fetches everything else as `base` does. */
export function inflatingFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const url = input instanceof Request ? input.url : String(input);
    return response.ok && isPagefindData(url) ? inflated(response) : response;
  };
}
