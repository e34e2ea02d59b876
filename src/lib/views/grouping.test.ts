import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog } from '../catalog/catalog.ts';
import { catalogViews, groupByBatch, neighbours, sameLeadItems, sortItems } from './grouping.ts';
import { frozenInputs } from '../../../tests/harness/inputs.ts';

const catalog = buildCatalog(frozenInputs());

/** The plain definition the views must agree with: a bureau's items by role, grouped by batch, empty batches left out. */
function bureauItems<T extends (typeof catalog.items)[number]>(items: readonly T[], slug: string) {
  const nonEmpty = (subset: T[]) => groupByBatch(subset).filter((g) => g.items.length > 0);
  return { lead: nonEmpty(items.filter((i) => i.lead.includes(slug))), cooperating: nonEmpty(items.filter((i) => i.cooperating.includes(slug))) };
}
const { items } = catalog;
const byId = (id: string) => items.find((i) => i.id === id)!;

describe('grouping', () => {
  it('groups by batch in source order', () => {
    const groups = groupByBatch([...items].reverse());
    assert.deepEqual(
      groups.map((g) => g.items.length),
      [58, 35, 45],
    );
    assert.deepEqual(
      groups[1]!.items.slice(0, 2).map((i) => i.id),
      ['2-1', '2-2'],
    );
  });

  it('splits a bureau’s items into lead and cooperating, by batch', () => {
    const hr = bureauItems(items, 'human-resources');
    const leadIds = hr.lead.flatMap((g) => g.items.map((i) => i.id));
    assert.ok(leadIds.includes('1-8') && leadIds.includes('2-15') && leadIds.includes('3-43'));
    assert.equal(leadIds.length, items.filter((i) => i.lead.includes('human-resources')).length);
    const coop = hr.cooperating.flatMap((g) => g.items.map((i) => i.id));
    assert.ok(coop.includes('3-29') && coop.includes('2-19') && coop.includes('2-13'), 'the table lists 市人社局 as cooperating on its own 2-13');
    assert.ok(!coop.includes('2-16'));
    assert.deepEqual(bureauItems(items, 'court').lead, []);
    assert.deepEqual(
      bureauItems(items, 'court').cooperating.map((g) => [g.batch, g.items.map((i) => i.id)]),
      [[3, ['3-10']]],
    );
  });

  it('finds neighbours within the batch only', () => {
    assert.deepEqual([neighbours(items, byId('2-1')).previous, neighbours(items, byId('2-1')).next?.id], [undefined, '2-2']);
    assert.equal(neighbours(items, byId('1-58')).next, undefined);
    assert.equal(neighbours(items, byId('3-45')).previous?.id, '3-44');
  });

  it('lists the nearest items with the same lead bureau', () => {
    const related = sameLeadItems(items, byId('2-20'), 3);
    assert.equal(related.slug, 'housing-fund');
    assert.deepEqual(
      related.items.map((i) => i.id),
      sortItems(related.items).map((i) => i.id),
    );
    assert.deepEqual(new Set(related.items.map((i) => i.id)), new Set(['2-19', '2-21', '3-25']));
    assert.equal(related.total, 7);
  });
});

describe('catalogViews', () => {
  const topicSlugs = [...new Set(items.flatMap((i) => i.topics))];
  const views = catalogViews(
    items,
    catalog.bureaus.map((b) => b.slug),
    topicSlugs,
  );

  it('groups every item once by batch, and by topic and bureau as filtering would', () => {
    assert.deepEqual(
      views.byBatch.map((g) => [g.batch, g.items.length]),
      [
        [1, 58],
        [2, 35],
        [3, 45],
      ],
    );
    for (const slug of topicSlugs) {
      const expected = items.filter((i) => i.topics.includes(slug)).map((i) => i.id);
      assert.deepEqual(
        views.byTopic.get(slug)!.flatMap((g) => g.items.map((i) => i.id)),
        expected,
        slug,
      );
      assert.equal(views.topicCounts.get(slug), expected.length);
    }
    // A bureau cooperating with itself (as the table says of 市人社局 on 2-13) is listed once, as lead.
    const others = items.map((i) => ({ ...i, cooperating: i.cooperating.filter((slug) => !i.lead.includes(slug)) }));
    for (const b of catalog.bureaus) {
      const expected = bureauItems(others, b.slug);
      const ids = (g: { items: { id: string }[] }[]) => g.map((x) => x.items.map((i) => i.id));
      assert.deepEqual(ids(views.byBureau.get(b.slug)!.lead), ids(expected.lead), b.slug);
      assert.deepEqual(ids(views.byBureau.get(b.slug)!.cooperating), ids(expected.cooperating), b.slug);
      assert.equal(views.bureauCounts.get(b.slug)?.lead, items.filter((i) => i.lead.includes(b.slug)).length, b.slug);
    }
    // Counted by field, as pages mark them: 1-8..1-18 have an inferred lead (市人社局), 2-19 an inferred
    // lead and cooperating field, 3-25 (where 市公安局 cooperates too) an inferred cooperating field.
    assert.equal(views.bureauCounts.get('human-resources')?.inferred.lead, 11);
    assert.equal(views.bureauCounts.get('housing-fund')?.inferred.lead, 1);
    assert.equal(views.bureauCounts.get('public-security')?.inferred.cooperating, 2);
    assert.equal(views.bureauCounts.get('justice')?.inferred.lead, 0);
    assert.ok(
      !views.byBureau
        .get('human-resources')!
        .cooperating.flatMap((g) => g.items)
        .some((i) => i.id === '2-13'),
    );
  });

  it('gives each item its neighbours and same-lead items, as the per-item functions do', () => {
    for (const item of items) {
      const around = views.around.get(item.id)!;
      assert.deepEqual({ previous: around.previous, next: around.next }, neighbours(items, item), item.id);
      assert.deepEqual(around.sameLead, sameLeadItems(items, item, 5), item.id);
    }
  });
});
