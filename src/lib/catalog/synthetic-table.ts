import type { Catalog, CatalogItem } from './catalog.ts';
import { BATCHES, BATCH_IDS } from '../core/batches.ts';
import type { Bureau } from './bureaus.ts';
import { HEADER_CELLS } from '../source/parse-table.ts';
import type { RelatedGroup } from '../source/related.ts';

/** Ordinals of section headings, as the source writes them. */
const ORDINALS = Object.values(BATCHES).map((b) => b.ordinal);

/**
 * The site name of a synthetic catalog: every page's title, header and
 * printout says the data is made up, so no page of it can pass for the real catalog.
 */
export const SYNTHETIC_SITE_NAME = '合成测试目录（虚构城市，非真实数据）';

/**
 * The name of synthetic city `k` (1-based). 虚构 (“fictional”) and a number:
 * no real place is called that, and every item and bureau of the city carries it.
 */
export function syntheticCityName(k: number): string {
  return `虚构${String(k).padStart(3, '0')}号市`;
}

/** The code of synthetic city `k` (the search page's `?city=c007`), as its bureaus' slugs end. */
export function syntheticCityCode(k: number): string {
  return `c${String(k).padStart(3, '0')}`;
}

/** The slug of bureau `slug`'s copy in synthetic city `k`. */
export function syntheticBureauSlug(slug: string, k: number): string {
  return `${slug}-${syntheticCityCode(k)}`;
}

/** A real bureau's copy in synthetic city `k`: the city's name instead of the real city's, no contact or notes (they are facts about the real bureau). */
function cityBureau(bureau: Bureau, k: number, realCity: string): Pick<Bureau, 'slug' | 'name' | 'fullName' | 'fullNameInferred'> {
  const city = syntheticCityName(k);
  return {
    slug: syntheticBureauSlug(bureau.slug, k),
    // Short names start with 市 (市人社局), name the city (人民银行石家庄中心支行) or none (住房公积金管理中心).
    name: bureau.name.includes(realCity) ? bureau.name.replace(realCity, city) : `${city}${bureau.name.replace(/^市/, '')}`,
    fullName: bureau.fullName.includes(realCity) ? bureau.fullName.replace(`${realCity}市`, city).replace(realCity, city) : `${city}${bureau.fullName}`,
    fullNameInferred: bureau.fullNameInferred,
  };
}

/** What a synthetic catalog replaces or adds in the project's inputs. */
export interface SyntheticTable {
  /** The seed table. */
  seed: string;
  /** content/topics.yaml for it. */
  topics: string;
  /** content/facets.yaml for it: each copy has its real item's facets. */
  facets: string;
  /** Registry entries of the synthetic cities' bureaus, to append to content/bureaus.yaml. */
  bureaus: string;
  /** The related groups of the synthetic cities' copies, to append to content/related.yaml. */
  related: string;
  /** How many synthetic cities the table has. */
  cities: number;
}

/**
 * Multiplies the real table into a larger valid one for benchmarks, spread
 * over synthetic cities as a national catalog would be. The real rows stay
 * verbatim (so every correction still applies); each section is then filled
 * up with copies of its own items, one copy of the table per city in turn.
 * Each synthetic city has its own bureaus (虚构007号市人社局) and its own copy
 * of every column: the item name carries the city (学历公证·虚构007号市), the
 * lead and cooperating cells name the city's bureaus, and the items that are
 * one service across batches are related within the city as the real ones are.
 * With fewer cities than copies, a city gets several copies, told apart by ·副本N.
 *
 * @param total items in the whole table, real rows included
 * @param cities synthetic cities (default: one per copy of the table)
 * @param realCity the real city's name, replaced in the bureaus' full names
 */
export function synthesizeTable(
  catalog: Catalog,
  total: number,
  topicsHeader: string,
  related: readonly RelatedGroup[],
  options: { cities?: number; realCity?: string } = {},
): SyntheticTable {
  const real = catalog.items.length;
  const realCity = options.realCity ?? '石家庄';
  const bureauBySlug = new Map(catalog.bureaus.map((b) => [b.slug, b]));
  const ownByBatch = new Map(BATCH_IDS.map((batch) => [batch, catalog.items.filter((item) => item.batch === batch)]));
  const counts = new Map<number, number>();
  let assigned = 0;
  BATCH_IDS.forEach((batch, i) => {
    const count = i === BATCH_IDS.length - 1 ? total - assigned : Math.round((total * ownByBatch.get(batch)!.length) / real);
    counts.set(batch, count);
    assigned += count;
  });
  const copies = Math.max(0, ...BATCH_IDS.map((b) => Math.ceil(counts.get(b)! / ownByBatch.get(b)!.length) - 1));
  const cities = Math.max(1, Math.min(options.cities ?? copies, copies));
  const cityOf = (copy: number) => ((copy - 1) % cities) + 1;
  const suffix = (copy: number) => {
    const round = Math.floor((copy - 1) / cities);
    return `·${syntheticCityName(cityOf(copy))}${round > 0 ? `·副本${round + 1}` : ''}`;
  };
  /** The id of copy `copy` of a real item, or undefined where the table is not that long. */
  const copyId = (item: CatalogItem, copy: number) => {
    const own = ownByBatch.get(item.batch)!;
    const number = copy * own.length + own.indexOf(item) + 1;
    return number <= counts.get(item.batch)! ? `${item.batch}-${number}` : undefined;
  };

  const title = `${catalog.title}（合成测试数据：含${cities}个虚构城市，非真实目录）`;
  const lines = ['附件', '', title, '', `(共 ${total} 项)`, ''];
  const topicLines = [topicsHeader.trimEnd(), '', 'items:'];
  const facetsOf = new Map(catalog.facets.items.map((f) => [f.id, f]));
  const facetLines = ['kinds:', ...Object.entries(catalog.facets.kinds).map(([kind, values]) => `  ${kind}: ${JSON.stringify(values)}`), 'items:'];
  BATCH_IDS.forEach((batch, i) => {
    const own = ownByBatch.get(batch)!;
    const count = counts.get(batch)!;
    lines.push(`${ORDINALS[i]}、${BATCHES[batch].deadline}实现“跨省通办”的事项（${count}项）`, '');
    for (let n = 1; n <= count; n++) {
      // A repeated header row every 50 rows, as the real table has one per printed page.
      if ((n - 1) % 50 === 0) lines.push(HEADER_CELLS.join('\t'));
      const source = own[(n - 1) % own.length]!;
      const copy = Math.floor((n - 1) / own.length);
      if (copy === 0) {
        const c = source.source;
        lines.push([n, c.name, c.scenario, c.lead, c.cooperating, c.remark].join('\t'));
      } else {
        const city = cityOf(copy);
        const names = (slugs: string[]) => slugs.map((s) => cityBureau(bureauBySlug.get(s)!, city, realCity).name).join('、');
        // A copy of a row whose bureau cooperates with itself drops that cell: only the real row carries its annotation.
        const cooperating = source.cooperating.filter((slug) => !source.lead.includes(slug));
        lines.push([n, `${source.name}${suffix(copy)}`, source.scenario, names(source.lead), names(cooperating), source.remark ?? ''].join('\t'));
      }
      const audience = source.audience.join(', ');
      topicLines.push(`  ${batch}-${n}: { topics: [${source.topics.join(', ')}], audience: [${audience}] }`);
      const facets = facetsOf.get(source.id);
      if (facets) facetLines.push(`  - ${JSON.stringify({ ...facets, id: `${batch}-${n}` })}`);
    }
    lines.push('');
  });

  const bureauLines: string[] = ['', `# Synthetic cities 1–${cities} (npm run synth): made-up bureaus, no contact details.`];
  for (let city = 1; city <= cities; city++) {
    for (const bureau of catalog.bureaus) {
      const b = cityBureau(bureau, city, realCity);
      bureauLines.push(
        `- slug: ${b.slug}`,
        `  name: ${JSON.stringify(b.name)}`,
        `  fullName: ${JSON.stringify(b.fullName)}`,
        ...(b.fullNameInferred ? ['  fullNameInferred: true'] : []),
        '  aliases: []',
        `  city: { code: ${syntheticCityCode(city)}, name: ${JSON.stringify(syntheticCityName(city))}, fictional: true }`,
      );
    }
  }
  const itemById = new Map(catalog.items.map((item) => [item.id, item]));
  const relatedLines: string[] = ['', '# Synthetic cities (npm run synth): each copy of a group, within its city.'];
  for (let copy = 1; copy <= copies; copy++) {
    for (const group of related) {
      const ids = group.items.flatMap((id) => copyId(itemById.get(id)!, copy) ?? []);
      if (ids.length >= 2) relatedLines.push(`- items: [${ids.join(', ')}]`, `  note: ${JSON.stringify(group.note)}`, groupSupport(group));
    }
  }
  return {
    seed: lines.join('\n'),
    topics: `${topicLines.join('\n')}\n`,
    facets: `${facetLines.join('\n')}\n`,
    bureaus: `${bureauLines.join('\n')}\n`,
    related: `${relatedLines.join('\n')}\n`,
    cities,
  };
}

/** A copied group keeps what supports its note: the same basis, or the same citation (as written, without its resolved reference). */
function groupSupport(group: RelatedGroup): string {
  if (!group.citation) return `  basis: ${group.basis}`;
  const { reference: _reference, ...citation } = group.citation;
  return `  citation: ${JSON.stringify(citation)}`;
}
