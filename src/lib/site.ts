/** The site's name, shown in the header and page titles. */
export const SITE_NAME = '跨省通办事项目录';
