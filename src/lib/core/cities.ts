import { z } from 'astro/zod';

/** Zod schema of a city whose services the catalog lists. */
export const citySchema = z
  .object({
    /** Stable ASCII code, used in bundle paths and in the search page's `?city=` parameter. */
    code: z.string().regex(/^[a-z0-9]+$/, 'city code must be lower-case ASCII letters and digits'),
    /** The city's name as the site shows it, e.g. 石家庄市. */
    name: z.string().min(1),
    /** True for the made-up cities of a synthetic catalog (npm run synth): pages must never present them as real. */
    fictional: z.boolean(),
  })
  .strict();

/** A city of the catalog. */
export type City = z.infer<typeof citySchema>;

/**
 * The code of the table's own city: the one whose bureaus name no city in
 * content/bureaus.yaml. A one-city catalog (the real table) has only this one.
 */
export const OWN_CITY_CODE = 'local';

/** The table's own city, named by its publisher (content/source.yaml). */
export function ownCity(publisher: string): City {
  return { code: OWN_CITY_CODE, name: publisher, fictional: false };
}

/**
 * The cities that have items: the table's own first (named by its publisher),
 * then the registry's other cities in registry order. The catalog computes it;
 * the search page, which reads items and bureaus from Astro's collections, computes the same list with it.
 */
export function catalogCities(publisher: string, bureaus: readonly { city?: City | undefined }[], items: readonly { city: string }[]): City[] {
  const used = new Set(items.map((i) => i.city));
  const others = new Map(bureaus.flatMap((b) => (b.city && used.has(b.city.code) ? [[b.city.code, b.city] as const] : [])));
  return [...(used.has(OWN_CITY_CODE) ? [ownCity(publisher)] : []), ...others.values()];
}
