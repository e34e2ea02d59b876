import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Minifies a script in place, for scripts that reach the output without Vite:
 * Pagefind's runtime (an ES module) and the classic scripts of public/. A module
 * goes through the minifier the site's own scripts are built with (Vite's, which
 * writes modern syntax); a classic script through esbuild (a devDependency of ours: Astro 7.4 no longer brings it), held to
 * ES5, as it is written to run in the oldest browsers. Throws rather than publish
 * a script the minifier could not read. `rewrite` changes the script before it is minified.
 */
export async function minifyFile(file: string, kind: 'module' | 'classic', rewrite: (code: string) => string = (code) => code): Promise<void> {
  const code = rewrite(await readFile(file, 'utf8'));
  // Imported when needed, in Astro's process once the build is done, where Vite is loaded already.
  if (kind === 'classic') {
    const { transform } = await import('esbuild');
    await writeFile(file, (await transform(code, { minify: true, target: 'es5', charset: 'utf8', sourcefile: basename(file) })).code);
    return;
  }
  const { minifySync } = await import('vite');
  const result = minifySync(basename(file), code, { module: true });
  if (result.errors.length > 0) throw new Error(`${file} did not minify: ${result.errors.map((e) => e.message).join('; ')}`);
  await writeFile(file, result.code);
}
