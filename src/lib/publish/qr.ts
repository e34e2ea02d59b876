import QRCode from 'qrcode';

/**
 * Draws a QR code for a URL as a standalone SVG string at build time, so that
 * no QR library ever runs in the browser. Error correction M survives a
 * creased or slightly smudged printout.
 */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  // The library adds no size: let CSS decide, keep the square viewBox.
  return svg.replace('<svg ', '<svg focusable="false" aria-hidden="true" ').trim();
}
