import { describe, expect, it } from 'vitest';
import { COMMANDS, DEFAULT_UPLOAD_PATH, flagSpecsFor } from '../../src/cli/command-table';
import { commandHelp, topLevelHelp, wrapText } from '../../src/cli/help';

describe('help texts', () => {
  it('lists every command in the top-level help', () => {
    const text = topLevelHelp();
    for (const name of [
      'upload',
      'upload-url',
      'history',
      'renew',
      'check',
      'queue',
      'export',
      'credits',
      'key set',
      'key test',
      'key clear',
    ]) {
      expect(text).toMatch(new RegExp(`^  ${name} +\\S`, 'mu'));
    }
    expect(text).toContain('KIEDROP_API_KEY');
    // Where the shared history lives, so a user can point the CLI at another one.
    expect(text).toContain('KIEDROP_DATA_DIR');
  });

  it('has a usage line and every option documented for each command', () => {
    for (const command of COMMANDS) {
      const text = commandHelp(command.name);
      expect(text, command.name).toBeDefined();
      expect(text).toContain(`Usage: kiedrop ${command.name}`);
      for (const option of command.options)
        expect(text, `${command.name} --${option.name}`).toContain(`--${option.name}`);
      // The parser accepts exactly what help shows, plus the global options.
      for (const option of command.options) expect(flagSpecsFor(command)[option.name]).toBeDefined();
    }
  });

  it('documents the default upload folder and the key subcommands', () => {
    expect(commandHelp('upload')).toContain(`default "${DEFAULT_UPLOAD_PATH}"`);
    expect(commandHelp('key')).toMatch(/key set[\s\S]*key test[\s\S]*key clear/u);
    expect(commandHelp('no-such-command')).toBeUndefined();
  });

  it('keeps help lines within an 80-column terminal', () => {
    const all = [topLevelHelp(), ...COMMANDS.map((c) => commandHelp(c.name) ?? '')].join('\n');
    const long = all.split('\n').filter((line) => line.length > 80);
    expect(long).toEqual([]);
  });

  it('wraps prose at word boundaries', () => {
    expect(wrapText('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
  });
});
