import normYaml from '../../content/elder-norm.yaml?raw';
import referencesYaml from '../../content/references.yaml?raw';
import { parseElderNorm, type NormRequirement } from '../lib/facts/elder-norm.ts';
import { parseReferences } from '../lib/facts/references.ts';

/**
 * The 工信部 适老化 norms' requirements and the site's answer to each, from
 * content/elder-norm.yaml with their sources from content/references.yaml.
 * Vite bundles the files' text at build time, so no page reads files; a bad
 * entry stops the build naming the file and line.
 */
export const ELDER_NORM_REQUIREMENTS: NormRequirement[] = parseElderNorm(
  normYaml,
  'content/elder-norm.yaml',
  parseReferences(referencesYaml, 'content/references.yaml'),
);
