import { DEPLOY_TIME_PROPS } from '../model/props-schema';
import { MAX_NODES_PER_SUBSCRIPTION, TAG_LIMITS } from '../profile/hub-limits';
import catalog from './catalog/texts.json';
import type { RuleInfo } from './rule';

/** The limits rule texts name as `{$NAME}`, from the one place each is decided. */
const LIMITS: Readonly<Record<string, string>> = {
  MAX_NODES_PER_SUBSCRIPTION: String(MAX_NODES_PER_SUBSCRIPTION),
  MAX_TAGS: String(TAG_LIMITS.count),
  MAX_TAG_NAME: String(TAG_LIMITS.name),
  MAX_TAG_VALUE: String(TAG_LIMITS.value),
  TOKEN_PATHS: DEPLOY_TIME_PROPS.join(', '),
};

const withLimits = (text: string): string =>
  text.replace(/\{\$([A-Z_]+)\}/g, (_, name: string) => {
    const value = LIMITS[name];
    if (value === undefined) throw new Error(`catalog/texts.json names an unknown limit {$${name}}.`);
    return value;
  });

type CatalogEntry = Omit<RuleInfo, 'id'>;

/** Every rule's texts, from catalog/texts.json, by id. */
export const RULE_TEXTS: ReadonlyMap<string, RuleInfo> = new Map(
  Object.entries(catalog as unknown as Record<string, CatalogEntry | string>)
    .filter((e): e is [string, CatalogEntry] => typeof e[1] !== 'string')
    .map(([id, r]) => [
      id,
      Object.freeze({
        id,
        title: withLimits(r.title),
        severity: r.severity,
        suppressible: r.suppressible,
        source: r.source,
        why: withLimits(r.why),
        fix: withLimits(r.fix),
      }),
    ]),
);

/** The texts of one rule; a missing id is a bug in the library. */
export function ruleTexts(id: string): RuleInfo {
  const r = RULE_TEXTS.get(id);
  if (!r) throw new Error(`No rule ${id} in catalog/texts.json.`);
  return r;
}
