/**
 * Puts the markup of a ScriptOnly block (src/components/layout/ScriptOnly.astro) in
 * place of the block, so that it exists only where a script runs.
 */
export function mountScriptOnly(id: string): void {
  const block = document.getElementById(id);
  if (!(block instanceof HTMLScriptElement)) throw new Error(`#${id}: no ScriptOnly block`);
  block.replaceWith(document.createRange().createContextualFragment(block.textContent ?? ''));
}
