// The main window's sizes, apart from the window itself so the layout tests can check the same numbers
// without Electron. The minimum is the smallest size every screen is laid out for (the e2e run checks
// each screen at it).
export const MAIN_WINDOW_SIZE = { width: 960, height: 680 } as const;
export const MAIN_WINDOW_MIN_SIZE = { width: 640, height: 480 } as const;
