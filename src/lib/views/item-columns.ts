import { BATCHES } from '../core/batches.ts';
import type { CatalogItem } from '../catalog/catalog.ts';
import { remarkLabel, type Remark } from '../core/remarks.ts';
import { inferredMark, leadText, withMark } from './item-view.ts';

/** Where a table is read: on screen (names link to the item, remarks explained) or on paper (compact). */
export type Medium = 'screen' | 'paper';

/** A bureau's part in an item, as its list names it. */
export type BureauRole = '牵头' | '配合';

/** One row of an item table: the item and, in a bureau's list, the bureau's role in it. */
export interface ItemRow {
  item: Pick<CatalogItem, 'id' | 'number' | 'name' | 'batch' | 'lead' | 'notes' | 'remark'>;
  role?: BureauRole;
}

/** What cells need besides their row: bureau names, and what each remark means. */
export interface CellContext {
  bureauName: (slug: string) => string;
  remarks: Readonly<Record<Remark, { short?: string; text: string }>>;
}

/**
 * One column of an item table. The screen table and the printed one both read
 * the same list, so a column added to a list shows on screen and on paper alike.
 */
export interface ItemColumn {
  header: string;
  /** The item's name: the row's header cell, a link to the item on screen. */
  rowHeader?: true;
  /** The cell's text; empty when the row has nothing to show. */
  text: (row: ItemRow, medium: Medium, context: CellContext) => string;
}

const number: ItemColumn = { header: '序号', text: ({ item }) => String(item.number) };
const name: ItemColumn = { header: '事项', rowHeader: true, text: ({ item }) => item.name };
const lead: ItemColumn = { header: '牵头单位', text: ({ item }, _medium, { bureauName }) => leadText(item, bureauName) };
const batch: ItemColumn = { header: '批次', text: ({ item }) => BATCHES[item.batch].label };
// A bureau's role that came from a correction the site inferred is marked, as the lead is everywhere.
const role: ItemColumn = {
  header: '角色',
  text: ({ item, role }) => (role ? withMark(role, inferredMark(item.notes, role === '牵头' ? 'lead' : 'cooperating')) : ''),
};
// Paper keeps the table's own word, narrow enough for its column; the screen says what it means beside it.
const remark: ItemColumn = {
  header: '备注',
  text: ({ item }, medium, { remarks }) => (!item.remark ? '' : medium === 'screen' ? remarkLabel(item.remark, remarks) : item.remark),
};

/** A list of items with their lead bureau: the whole catalog, a batch, a topic. */
export const CATALOG_COLUMNS: readonly ItemColumn[] = [number, name, lead, remark];

/** A bureau's items with its role in each, lead ones first. */
export const BUREAU_COLUMNS: readonly ItemColumn[] = [batch, number, name, role, remark];
