import { z } from 'astro/zod';
import { SourceError } from '../core/source-error.ts';
import { parseYamlMapping } from '../core/yaml-source.ts';

/** An optional text field: empty or missing in the YAML means "not set". */
const optionalText = z.string().trim().min(1).optional();

/** Zod schema of content/site.yaml: who runs the site and how to reach them. */
export const siteIdentitySchema = z
  .object({
    /** The site's name, with the city: titles, og:site_name, header, print. */
    name: z.string().trim().min(1),
    /** The organisation that runs the site. */
    operator: optionalText,
    /** Contact e-mail address. */
    email: z.email().optional(),
    /** Contact phone number, as the operator writes it. */
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+()\-\s转]+$/, 'digits, spaces, +, -, ( ) or 转 only')
      .optional(),
    /** Postal address. */
    address: optionalText,
    /** A page or form for reporting problems: an absolute http(s) URL. */
    feedbackUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** ICP备案号. */
    icp: optionalText,
    /** 公安备案号. */
    publicSecurity: optionalText,
    /** 网站标识码 of a government website. */
    siteCode: optionalText,
    /** When the accessibility statement was last checked (ISO date). */
    accessibilityReviewed: z.iso.date().optional(),
  })
  .strict();

export type SiteIdentity = z.infer<typeof siteIdentitySchema>;

/**
 * Parses content/site.yaml. Empty values mean "not set", so that the shipped
 * file can list every field without inventing any.
 *
 * @throws {SourceError} naming the file, line and value.
 */
export function parseSiteIdentity(text: string, file: string): SiteIdentity {
  const entries = parseYamlMapping(text, file);
  const value: Record<string, unknown> = {};
  for (const [key, entry] of entries) {
    let v = entry.value;
    // YAML reads an unquoted date as a Date, a bare number as a number.
    if (v instanceof Date) v = v.toISOString().slice(0, 10);
    if (typeof v === 'number') v = String(v);
    if (v !== null && v !== undefined && v !== '') value[key] = v;
  }
  const parsed = siteIdentitySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.code === 'unrecognized_keys' ? issue.keys[0] : (issue.path[0] ?? ''));
    const entry = entries.get(key);
    throw new SourceError(
      file,
      entry?.line ?? 1,
      `invalid site identity: ${key || '(file)'}: ${issue.message}`,
      entry === undefined ? '' : String(value[key] ?? ''),
    );
  }
  return parsed.data;
}

/** The contact details that are set, as label–value pairs in display order. */
export function contactLines(site: SiteIdentity): { label: string; value: string; href?: string }[] {
  const lines: { label: string; value: string; href?: string }[] = [];
  if (site.email) lines.push({ label: '电子邮件', value: site.email, href: `mailto:${site.email}` });
  if (site.phone) lines.push({ label: '电话', value: site.phone, href: `tel:${site.phone.replace(/[^0-9+]/g, '')}` });
  if (site.address) lines.push({ label: '地址', value: site.address });
  if (site.feedbackUrl) lines.push({ label: '问题反馈', value: site.feedbackUrl, href: site.feedbackUrl });
  return lines;
}
