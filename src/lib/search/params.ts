/**
 * The search page's URL parameters that both the page's own script and the
 * search worker read: a module of constants only, so that importing one ships
 * nothing else.
 */

/** The URL parameter (and form field) that names the city searched. */
export const CITY_PARAM = 'city';
