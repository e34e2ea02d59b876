/**
 * Pagefind's runtime (pagefind.js, Pagefind 1.6) bundles fflate's gzip inflater
 * to read its own data files: 2.0 KiB of every first search, gzipped and minified.
 * The search worker and the Node tools hand it those files inflated already
 * (src/lib/search/pagefind-fetch.ts), so the site's runtime goes without it.
 */

/** The inflater's first and last statements in Pagefind's runtime, as Pagefind 1.6 writes them. */
const START = 'var u8=Uint8Array;';
const END = 'var gz_default=gunzipSync;';

/** What stands in its place: Pagefind calls it only for bytes that are still gzip, which would be a bug of ours. */
const STAND_IN = 'var gz_default=()=>{throw new Error("Pagefind data must be inflated before it reaches pagefind.js (src/lib/search/pagefind-fetch.ts)")};';

/**
 * Pagefind's runtime without its gzip inflater. Throws if the runtime is not
 * written as expected (another Pagefind version), rather than publish one that
 * cannot read its index.
 */
export function withoutInflater(runtime: string): string {
  const start = runtime.indexOf(START);
  const end = runtime.indexOf(END);
  if (start < 0 || end < start || runtime.indexOf(START, start + 1) >= 0 || runtime.indexOf(END, end + 1) >= 0)
    throw new Error(
      `pagefind.js does not bundle its gzip inflater as Pagefind 1.6 does (between “${START}” and “${END}”): check src/build/pagefind-runtime.ts against this Pagefind version`,
    );
  return runtime.slice(0, start) + STAND_IN + runtime.slice(end + END.length);
}
