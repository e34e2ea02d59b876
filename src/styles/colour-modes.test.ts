/**
 * Dark mode and 高对比 change colours and nothing else. The accessibility tests rely on it: axe's rules that
 * read the DOM, the layout or the sizes run in full where the DOM and the layout are the site's (standard light,
 * and 高对比 with 大字版, every toggle pressed), and in the colour modes only the rules that read colours
 * (tests/harness/pages.ts, COLOUR_RULES). A mode that set a size, hid an element or moved one would make that
 * false, so it fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKENS = 'src/styles/tokens.css';
/** What a colour mode's condition looks like in CSS: the system's dark scheme, the 高对比 attribute, other colour media. */
const COLOUR_MODE = /prefers-color-scheme|\[data-contrast|prefers-contrast|forced-colors/;

interface Declaration {
  /** The at-rules and selectors around the declaration, outermost first. */
  context: string[];
  property: string;
  value: string;
}

/** The declarations of a stylesheet with the at-rules and selectors they sit in (comments dropped). */
function declarations(css: string): Declaration[] {
  const out: Declaration[] = [];
  const stack: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer.trim();
    buffer = '';
    if (text === '') return;
    const colon = text.indexOf(':');
    out.push({ context: [...stack], property: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() });
  };
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (ch === '{') {
      stack.push(buffer.trim());
      buffer = '';
    } else if (ch === '}') {
      flush();
      stack.pop();
    } else if (ch === ';') flush();
    else buffer += ch;
  }
  return out;
}

/** Every file under `dir` (relative to the project), recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('colour modes', () => {
  it('are styled in tokens.css only', () => {
    const elsewhere = [...filesUnder('src'), ...filesUnder('public')]
      .filter((f) => /\.(css|astro|svg|html)$/.test(f) && f !== TOKENS)
      .filter((f) => COLOUR_MODE.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(elsewhere, [], 'styles that depend on a colour mode outside tokens.css');
  });

  it('set only colour tokens and the colour scheme', () => {
    const inModes = declarations(readFileSync(join(ROOT, TOKENS), 'utf8')).filter((d) => d.context.some((c) => COLOUR_MODE.test(c)));
    assert.ok(inModes.length >= 40, `${inModes.length} declarations in the colour modes`);
    const other = inModes.filter(
      (d) => !(d.property === 'color-scheme' && /^(light|dark)$/.test(d.value)) && !(/^--color-[a-z-]+$/.test(d.property) && /^#[0-9a-f]{3,8}$/i.test(d.value)),
    );
    assert.deepEqual(other, [], 'a colour mode sets something other than a colour');
  });

  it('reads a declaration with its context', () => {
    assert.deepEqual(declarations('@media screen { :root[data-contrast=high] { --color-text: #000; width: 1px } } /* a; b */ p { color: red; }'), [
      { context: ['@media screen', ':root[data-contrast=high]'], property: '--color-text', value: '#000' },
      { context: ['@media screen', ':root[data-contrast=high]'], property: 'width', value: '1px' },
      { context: ['p'], property: 'color', value: 'red' },
    ]);
  });
});
