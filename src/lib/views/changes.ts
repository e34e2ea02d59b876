import type { ItemChange } from '../catalog/catalog.ts';
import type { VersionChanges } from '../source/table-diff.ts';
import { FIELD_LABELS, formatDate, itemPosition } from './format.ts';

/** A version of the table named by the day the site received it, or plainly without one. */
export function versionName(received: string | null): string {
  return received === null ? '最新一版原表（本站尚未登记收到日期）' : `${formatDate(received)}收到的原表`;
}

/**
 * The short line an item page shows where the newest version of the table added,
 * renamed, moved or changed the item; undefined where it changed nothing.
 */
export function itemChangeLine(change: ItemChange | null): string | undefined {
  if (!change) return undefined;
  const version = change.received === null ? versionName(null) : `${formatDate(change.received)}收到的最新一版原表`;
  if (change.added) return `本事项是${version}新列入的事项。`;
  const parts = [
    ...(change.renamedFrom === null ? [] : [`名称由“${change.renamedFrom}”改为现名`]),
    ...(change.movedFrom === null ? [] : [`位置由${itemPosition(change.movedFrom.batch, change.movedFrom.number)}调整为现在的位置`]),
    ...(change.changed.length === 0 ? [] : [`${change.changed.map((f) => FIELD_LABELS[f]).join('、')}有改动`]),
  ];
  return parts.length === 0 ? undefined : `在${version}中，本事项${parts.join('；')}。`;
}

/** One line of the change log: the item linked at its permanent URL, with the words around its name. */
export interface ChangeEntry {
  id: string;
  before: string;
  name: string;
  after: string;
}

/** One kind of change (added, dropped, …) as the change log lists it. */
export interface ChangeSection {
  heading: string;
  entries: ChangeEntry[];
}

/**
 * What one version changed against the one before, as the sections the change log shows,
 * in a fixed order, leaving out kinds with no entry. Renumbering is counted, not listed.
 */
export function changeSections(c: VersionChanges): ChangeSection[] {
  const sections: ChangeSection[] = [
    {
      heading: `新列入的事项（${c.added.length} 项）`,
      entries: c.added.map((r) => ({ id: r.id, before: '', name: r.cells.name, after: `（${itemPosition(r.batch, r.number)}）` })),
    },
    {
      heading: `不再列出的事项（${c.dropped.length} 项）`,
      entries: c.dropped.map((r) => ({ id: r.id, before: '', name: r.cells.name, after: `（上一版的${itemPosition(r.batch, r.number)}）` })),
    },
    {
      heading: `改名的事项（${c.renamed.length} 项）`,
      entries: c.renamed.map((r) => ({ id: r.id, before: `“${r.before}”改名为“`, name: r.after, after: '”' })),
    },
    {
      heading: `调整位置的事项（${c.moved.length} 项）`,
      entries: c.moved.map((m) => ({
        id: m.id,
        before: '',
        name: m.name,
        after: `：由${itemPosition(m.from.batch, m.from.number)}调整为${itemPosition(m.to.batch, m.to.number)}`,
      })),
    },
    {
      heading: `内容有改动的事项（${c.changed.length} 处）`,
      entries: c.changed.map((x) => ({
        id: x.id,
        before: '',
        name: x.name,
        after: `的${FIELD_LABELS[x.field]}：由“${x.before || '（空）'}”改为“${x.after || '（空）'}”`,
      })),
    },
  ];
  return sections.filter((s) => s.entries.length > 0);
}
