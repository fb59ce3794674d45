// The macOS Quick Action bundle, checked on its exact XML.
import { describe, expect, it } from 'vitest';
import {
  macDocumentWflow,
  macInfoPlist,
  macItems,
  macShareCommand,
} from '../../src/main/core/shell-integration';

const EXE = '/Applications/KieDrop.app/Contents/MacOS/KieDrop';

/**
 * A small well-formedness check: tags balance, and every `&` starts an entity. A plist that breaks
 * either rule is ignored by macOS without a word, and the menu item just never appears.
 */
function wellFormedErrors(xml: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = m;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) errors.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else stack.push(name);
  }
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(', ')}`);
  for (const m of body.matchAll(/&(?!(amp|lt|gt|quot|apos);)/g)) errors.push(`bare & at ${m.index}`);
  return errors;
}

describe('macOS Quick Action', () => {
  it('Info.plist offers the service for any file or folder', () => {
    expect(macInfoPlist()).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
        `<!-- Created by KieDrop: turn "Share with KieDrop" off in KieDrop's Settings to remove it. -->`,
        '<plist version="1.0">',
        '<dict>',
        '\t<key>NSServices</key>',
        '\t<array>',
        '\t\t<dict>',
        '\t\t\t<key>NSMenuItem</key>',
        '\t\t\t<dict>',
        '\t\t\t\t<key>default</key>',
        '\t\t\t\t<string>Share with KieDrop</string>',
        '\t\t\t</dict>',
        '\t\t\t<key>NSMessage</key>',
        '\t\t\t<string>runWorkflowAsService</string>',
        '\t\t\t<key>NSRequiredContext</key>',
        '\t\t\t<dict/>',
        '\t\t\t<key>NSSendFileTypes</key>',
        '\t\t\t<array>',
        '\t\t\t\t<string>public.item</string>',
        '\t\t\t</array>',
        '\t\t</dict>',
        '\t</array>',
        '</dict>',
        '</plist>',
        '',
      ].join('\n'),
    );
    expect(wellFormedErrors(macInfoPlist())).toEqual([]);
  });

  it('the shell step starts the app in the background with the selection as arguments', () => {
    expect(macShareCommand(EXE)).toBe(`'${EXE}' --share "$@" >/dev/null 2>&1 &`);
    expect(macShareCommand("/Users/o'neil/Apps/KieDrop.app/Contents/MacOS/KieDrop")).toBe(
      `'/Users/o'\\''neil/Apps/KieDrop.app/Contents/MacOS/KieDrop' --share "$@" >/dev/null 2>&1 &`,
    );
  });

  it('document.wflow is well-formed and escapes the command for XML', () => {
    const xml = macDocumentWflow('/Users/ana/Apps & Tools/KieDrop.app/Contents/MacOS/KieDrop');
    expect(wellFormedErrors(xml)).toEqual([]);
    expect(xml).toContain(
      '<string>\'/Users/ana/Apps &amp; Tools/KieDrop.app/Contents/MacOS/KieDrop\' --share "$@" &gt;/dev/null 2&gt;&amp;1 &amp;</string>',
    );
  });

  it('document.wflow: exact output', () => {
    expect(macDocumentWflow(EXE)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      <dict>
      	<key>AMApplicationBuild</key>
      	<string>523</string>
      	<key>AMApplicationVersion</key>
      	<string>2.10</string>
      	<key>AMDocumentVersion</key>
      	<string>2</string>
      	<key>actions</key>
      	<array>
      		<dict>
      			<key>action</key>
      			<dict>
      				<key>AMAccepts</key>
      				<dict>
      					<key>Container</key>
      					<string>List</string>
      					<key>Optional</key>
      					<true/>
      					<key>Types</key>
      					<array>
      						<string>com.apple.cocoa.path</string>
      					</array>
      				</dict>
      				<key>AMActionVersion</key>
      				<string>2.0.3</string>
      				<key>AMApplication</key>
      				<array>
      					<string>Automator</string>
      				</array>
      				<key>AMParameterProperties</key>
      				<dict>
      					<key>COMMAND_STRING</key>
      					<dict/>
      					<key>CheckedForUserDefaultShell</key>
      					<dict/>
      					<key>inputMethod</key>
      					<dict/>
      					<key>shell</key>
      					<dict/>
      					<key>source</key>
      					<dict/>
      				</dict>
      				<key>AMProvides</key>
      				<dict>
      					<key>Container</key>
      					<string>List</string>
      					<key>Types</key>
      					<array>
      						<string>com.apple.cocoa.string</string>
      					</array>
      				</dict>
      				<key>ActionBundlePath</key>
      				<string>/System/Library/Automator/Run Shell Script.action</string>
      				<key>ActionName</key>
      				<string>Run Shell Script</string>
      				<key>ActionParameters</key>
      				<dict>
      					<key>COMMAND_STRING</key>
      					<string>'/Applications/KieDrop.app/Contents/MacOS/KieDrop' --share "$@" &gt;/dev/null 2&gt;&amp;1 &amp;</string>
      					<key>CheckedForUserDefaultShell</key>
      					<true/>
      					<key>inputMethod</key>
      					<integer>1</integer>
      					<key>shell</key>
      					<string>/bin/sh</string>
      					<key>source</key>
      					<string></string>
      				</dict>
      				<key>BundleIdentifier</key>
      				<string>com.apple.RunShellScript</string>
      				<key>CFBundleVersion</key>
      				<string>2.0.3</string>
      				<key>CanShowSelectedItemsWhenRun</key>
      				<false/>
      				<key>CanShowWhenRun</key>
      				<true/>
      				<key>Category</key>
      				<array>
      					<string>AMCategoryUtilities</string>
      				</array>
      				<key>Class Name</key>
      				<string>RunShellScriptAction</string>
      				<key>InputUUID</key>
      				<string>5D5D1E6A-3C1B-4F0E-9B7A-1C2D3E4F5A60</string>
      				<key>OutputUUID</key>
      				<string>5D5D1E6A-3C1B-4F0E-9B7A-1C2D3E4F5A61</string>
      				<key>UUID</key>
      				<string>5D5D1E6A-3C1B-4F0E-9B7A-1C2D3E4F5A62</string>
      				<key>UnlocalizedApplications</key>
      				<array>
      					<string>Automator</string>
      				</array>
      				<key>arguments</key>
      				<dict/>
      				<key>isViewVisible</key>
      				<integer>1</integer>
      			</dict>
      			<key>isViewVisible</key>
      			<integer>1</integer>
      		</dict>
      	</array>
      	<key>connectors</key>
      	<dict/>
      	<key>workflowMetaData</key>
      	<dict>
      		<key>applicationBundleIDsByPath</key>
      		<dict/>
      		<key>applicationPaths</key>
      		<array/>
      		<key>inputTypeIdentifier</key>
      		<string>com.apple.Automator.fileSystemObject</string>
      		<key>outputTypeIdentifier</key>
      		<string>com.apple.Automator.nothing</string>
      		<key>presentationMode</key>
      		<integer>15</integer>
      		<key>processesInput</key>
      		<false/>
      		<key>serviceInputTypeIdentifier</key>
      		<string>com.apple.Automator.fileSystemObject</string>
      		<key>serviceOutputTypeIdentifier</key>
      		<string>com.apple.Automator.nothing</string>
      		<key>serviceProcessesInput</key>
      		<false/>
      		<key>systemImageName</key>
      		<string>NSActionTemplate</string>
      		<key>useAutomaticInputType</key>
      		<false/>
      		<key>workflowTypeIdentifier</key>
      		<string>com.apple.Automator.servicesMenu</string>
      	</dict>
      </dict>
      </plist>
      "
    `);
  });

  it('lives in ~/Library/Services as one bundle', () => {
    const [item] = macItems('/Users/ana', { exePath: EXE });
    expect(item?.root).toBe('/Users/ana/Library/Services/Share with KieDrop.workflow');
    expect(item?.files.map((f) => f.path)).toEqual([
      '/Users/ana/Library/Services/Share with KieDrop.workflow/Contents/Info.plist',
      '/Users/ana/Library/Services/Share with KieDrop.workflow/Contents/document.wflow',
    ]);
  });
});
