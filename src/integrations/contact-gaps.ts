import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadCatalog } from '../build/load-catalog.ts';
import { bureausWithoutContact } from '../lib/catalog/bureaus.ts';

/**
 * Prints, at the start of every build, the bureaus that items name but that have no contact
 * detail in content/bureaus.yaml: their item pages can only point to the sourced general path,
 * and a deploying office should see that gap rather than discover it from a citizen.
 */
export function contactGapsIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'kstb-contact-gaps',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        const catalog = loadCatalog(root);
        const gaps = bureausWithoutContact(catalog.bureaus, catalog.items);
        if (gaps.length > 0)
          logger.warn(
            `${gaps.length} bureaus have no contact details in content/bureaus.yaml, so their item pages give no phone, address or website: ` +
              `${gaps.map((b) => `${b.slug} (${b.name})`).join(', ')}. Fill them in from each bureau's own published pages (README, 部门联系方式).`,
          );
      },
    },
  };
}
