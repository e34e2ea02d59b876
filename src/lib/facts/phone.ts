/**
 * Whether a number, as written, reaches the same line wherever in mainland China it is dialled:
 * a fixed line with its long-distance prefix and area code (0311-…), a mobile number, or a
 * 400/800 number. A short number such as 12345 or 12333 is local: dialled from another city it
 * reaches that city's line (劳社部函〔2003〕84号 says so of 12333), so the site never makes a
 * tap-to-call link of it.
 */
export function dialsAnywhere(phone: string): boolean {
  const digits = phone.replace(/-/g, '');
  return /^0[1-9]\d{8,10}$/.test(digits) || /^1[3-9]\d{9}$/.test(digits) || /^[48]00\d{7}$/.test(digits);
}

/** The tel: address of a number that dials anywhere; undefined for a local short number. */
export function telHref(phone: string): string | undefined {
  return dialsAnywhere(phone) ? `tel:${phone.replace(/-/g, '')}` : undefined;
}
