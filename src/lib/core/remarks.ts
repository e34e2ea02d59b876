/** The remark (备注) values the source table uses. Any other value stops the build. */
export const REMARKS = ['省级事权', '国家级事权', '省委托', '市级初审上报'] as const;

export type Remark = (typeof REMARKS)[number];

/**
 * A remark with its meaning in plain words, for lists, tables and print:
 * 省级事权（权限在河北省级部门）. The words come from content/guidance.yaml.
 */
export function remarkLabel(remark: Remark, remarks: Readonly<Record<Remark, { short?: string; text: string }>>): string {
  const meaning = remarks[remark];
  return `${remark}（${meaning.short ?? meaning.text}）`;
}

/** Narrows a string to a known remark. */
export function isRemark(value: string): value is Remark {
  return (REMARKS as readonly string[]).includes(value);
}
