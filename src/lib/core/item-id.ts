/** A permanent item id, unanchored, to build the patterns below from one spelling. */
const PERMANENT_ID = String.raw`(?:[1-9]\d*-[1-9]\d*|n[1-9]\d*)`;

/**
 * Any permanent item id: a first-version id, the item's position in the first
 * recorded table (2-15; published before identities existed, so kept exactly,
 * and no later item ever gets this form), or a new item's id (n3).
 */
export const PERMANENT_ID_RE = new RegExp(`^${PERMANENT_ID}$`);

/**
 * The permanent id of an item that a later version of the table added: n1, n2 …
 * A form of its own, so that it can never collide with a first-version id, and
 * numbered across all versions, so that it never collides with another new item.
 */
export const NEW_ITEM_ID_RE = /^n[1-9]\d*$/;

/** An item page's address under any base path, capturing its permanent id (/kstb/items/n2/ → n2). */
export const ITEM_URL_RE = new RegExp(`/items/(${PERMANENT_ID})/?$`);
