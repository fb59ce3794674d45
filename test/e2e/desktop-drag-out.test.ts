// Dragging a history row out of the real app: the page's dragstart reaches the main process through the
// preload and the validated history:start-drag channel, which starts an OS file drag of the local file
// with webContents.startDrag({ file, icon }) (recorded by the Electron stand-in).
import { expect, it } from 'vitest';
import { desktopSuite } from '../support/desktop-app';

const suite = desktopSuite();
const { desktop, history } = suite;

it('drags the local file of a history row, with an icon, from the main window', async () => {
  const run = await desktop();
  await run.ready();
  await expect
    .poll(() => run.locator('index', 'testid', 'drop-zone', 'isVisible'), { timeout: 30_000 })
    .toBe(true);
  const path = await run.writeFile('handout.txt', 'drag me out\n');
  await run.dropFiles('index', [path]);
  await expect.poll(async () => (await history(run)).length, { timeout: 30_000 }).toBe(1);
  await run.locator('index', 'css', 'nav[aria-label="Main"] >> role=button[name="History"]', 'click');
  await expect
    .poll(() => run.locator('index', 'testid', 'history-row', 'count'), { timeout: 15_000 })
    .toBe(1);

  // The row learns that its file is there, then a drag starts on it as the browser would start one.
  const dragStart = `(() => {
    const row = document.querySelector('[data-testid="history-row"] .history-main');
    const event = new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
    row.dispatchEvent(event);
    return event.defaultPrevented;
  })()`;
  await expect
    .poll(
      async () => {
        await run.app.call('evaluate', { page: 'index', expression: dragStart });
        return run.app.call<{ files: string[]; icon: boolean }[]>('drags', { page: 'index' });
      },
      { timeout: 15_000 },
    )
    .toEqual(expect.arrayContaining([{ files: [path], icon: true }]));
});
