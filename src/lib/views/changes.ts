import type { ItemChange } from '../catalog/catalog.ts';
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
