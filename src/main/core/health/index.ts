export { probeLink, type LinkProbe, type LinkState, type ProbeOptions } from './link-probe';
export { checkLinks, checkOne, type CheckOptions, type LinkToCheck } from './check-links';
export { LinkCheckStore, type LinkHealth } from './link-check-store';
