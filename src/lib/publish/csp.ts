/**
 * The site's Content-Security-Policy: only its own origin, no inline code.
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it does not allow
 * eval() of JavaScript. Kept as data so that the headers file, the <meta>
 * fallback, the test server and the docs all use the same policy.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a <meta> element cannot carry (browsers ignore them there). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** The policy as an HTTP header value. */
export function cspHeader(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The policy for <meta http-equiv="Content-Security-Policy">, without header-only directives. */
export function cspMeta(): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => !HEADER_ONLY.has(name))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Security headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages). */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${cspHeader()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
  ].join('\n');
}
