export { probeLink, type LinkProbe, type LinkState, type ProbeOptions } from './link-probe';
export { checkLinks, checkOne, type CheckOptions, type LinkToCheck } from './check-links';
export { LinkCheckStore, type LinkHealth } from './link-check-store';
export { linkCheckView } from './link-check-view';
export { dueLinkChecks, DUE_LINK_CHECKS_SQL, type DueCheckQuery } from './due-checks';
