/** A schema.org object, as JSON-LD. */
type JsonLd = Record<string, unknown>;

/**
 * JSON-LD for one item: a GovernmentService. JSON-LD cannot carry the 本站推定 mark, so it states
 * only what the table says: no areaServed (the table names no city; that it is Shijiazhuang's is
 * the site's inference), and a provider only where the table names the lead bureau itself, by the
 * table's own short name. Pass no provider where the lead is inferred.
 */
export function governmentServiceJsonLd(item: {
  name: string;
  scenario: string;
  url: string;
  serviceType: string;
  provider?: { name: string; url: string };
}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: item.name,
    description: item.scenario,
    url: item.url,
    serviceType: item.serviceType,
    ...(item.provider && { provider: { '@type': 'GovernmentOrganization', name: item.provider.name, url: item.provider.url } }),
  };
}

/** JSON-LD for a breadcrumb trail of absolute URLs. */
export function breadcrumbJsonLd(trail: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: step.url })),
  };
}

/** Serialises JSON-LD for a script element: "<" is escaped so that no text can end the element. */
export function jsonLdScript(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
