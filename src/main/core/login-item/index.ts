export { autostartEntry, autostartPath, readAutostart, setLinuxAutostart } from './linux-autostart';
export type { AutostartState } from './linux-autostart';
export { loginItemPlan } from './login-item-plan';
export type { LoginItemPlan } from './login-item-plan';
