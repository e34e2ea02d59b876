/** The remark (备注) values the source table uses. Any other value stops the build. */
export const REMARKS = ['省级事权', '国家级事权', '省委托', '市级初审上报'] as const;

export type Remark = (typeof REMARKS)[number];

/** What each remark means for a citizen, in plain words. */
export const REMARK_EXPLANATIONS: Readonly<Record<Remark, { title: string; body: string }>> = {
  省级事权: {
    title: '权限在河北省级部门',
    body: '这项业务的审批权在河北省级部门。您可以在石家庄市的办理渠道提出申请或咨询，最终由省级部门审核办理，结果也由省级部门作出。',
  },
  国家级事权: {
    title: '权限在国家有关部门',
    body: '这项业务的审批权在国家有关部委。石家庄市的牵头部门负责提供办理渠道、咨询和转报，最终由国家部委审核办理。',
  },
  省委托: {
    title: '河北省级部门委托市级部门办理',
    body: '这项业务原属河北省级部门，已委托给石家庄市的部门办理。您可以直接向石家庄市的牵头部门申请，不必再找省级部门。',
  },
  市级初审上报: {
    title: '市级部门初审后上报',
    body: '石家庄市的部门先受理并初步审查您的申请，再上报上级部门审批。办理时间可能比市级直接办理的业务长一些。',
  },
};

/**
 * A remark with its meaning in plain words, for lists, tables and print:
 * 省级事权（权限在河北省级部门）.
 */
export function remarkLabel(remark: Remark): string {
  return `${remark}（${REMARK_EXPLANATIONS[remark].title}）`;
}

/** Narrows a string to a known remark. */
export function isRemark(value: string): value is Remark {
  return (REMARKS as readonly string[]).includes(value);
}
