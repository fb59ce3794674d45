// The macOS Quick Action ("Share with KieDrop" under Quick Actions / Services in Finder's context
// menu): an Automator workflow bundle whose single step is "Run Shell Script" with the selection
// passed as arguments. Written as exact XML so the output is reviewable and tested byte for byte.
import { markerComment } from './marker';
import { escapeXml, shellCommand } from './quoting';
import { MENU_LABEL } from './linux-templates';

const XML_HEAD = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
];

/** Tells the Services system what the workflow accepts: any file or folder, from any app. */
export function macInfoPlist(): string {
  return [
    ...XML_HEAD,
    markerComment('xml'),
    '<plist version="1.0">',
    '<dict>',
    '\t<key>NSServices</key>',
    '\t<array>',
    '\t\t<dict>',
    '\t\t\t<key>NSMenuItem</key>',
    '\t\t\t<dict>',
    '\t\t\t\t<key>default</key>',
    `\t\t\t\t<string>${MENU_LABEL}</string>`,
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
  ].join('\n');
}

/**
 * The shell step. The app is started in the background with its output discarded: Automator waits
 * for the script (and anything holding its output) to finish, and would otherwise show a spinning
 * gear in the menu bar for as long as KieDrop runs.
 */
export function macShareCommand(exePath: string, exeArgs: readonly string[] = []): string {
  return `${shellCommand(exePath, exeArgs)} --share "$@" >/dev/null 2>&1 &`;
}

function parameters(indent: string, command: string): string[] {
  return [
    `${indent}<dict>`,
    `${indent}\t<key>COMMAND_STRING</key>`,
    `${indent}\t<string>${escapeXml(command)}</string>`,
    `${indent}\t<key>CheckedForUserDefaultShell</key>`,
    `${indent}\t<true/>`,
    // 1 = pass input as arguments ("$@"); 0 would pipe it to stdin.
    `${indent}\t<key>inputMethod</key>`,
    `${indent}\t<integer>1</integer>`,
    `${indent}\t<key>shell</key>`,
    `${indent}\t<string>/bin/sh</string>`,
    `${indent}\t<key>source</key>`,
    `${indent}\t<string></string>`,
    `${indent}</dict>`,
  ];
}

function stringArray(indent: string, values: readonly string[]): string[] {
  return [`${indent}<array>`, ...values.map((v) => `${indent}\t<string>${v}</string>`), `${indent}</array>`];
}

/** The workflow itself. Fixed UUIDs keep the output identical for the same program and arguments. */
export function macDocumentWflow(exePath: string, exeArgs: readonly string[] = []): string {
  const command = macShareCommand(exePath, exeArgs);
  const a = '\t\t\t\t';
  return [
    ...XML_HEAD,
    '<plist version="1.0">',
    '<dict>',
    '\t<key>AMApplicationBuild</key>',
    '\t<string>523</string>',
    '\t<key>AMApplicationVersion</key>',
    '\t<string>2.10</string>',
    '\t<key>AMDocumentVersion</key>',
    '\t<string>2</string>',
    '\t<key>actions</key>',
    '\t<array>',
    '\t\t<dict>',
    '\t\t\t<key>action</key>',
    '\t\t\t<dict>',
    `${a}<key>AMAccepts</key>`,
    `${a}<dict>`,
    `${a}\t<key>Container</key>`,
    `${a}\t<string>List</string>`,
    `${a}\t<key>Optional</key>`,
    `${a}\t<true/>`,
    `${a}\t<key>Types</key>`,
    ...stringArray(`${a}\t`, ['com.apple.cocoa.path']),
    `${a}</dict>`,
    `${a}<key>AMActionVersion</key>`,
    `${a}<string>2.0.3</string>`,
    `${a}<key>AMApplication</key>`,
    ...stringArray(a, ['Automator']),
    `${a}<key>AMParameterProperties</key>`,
    `${a}<dict>`,
    `${a}\t<key>COMMAND_STRING</key>`,
    `${a}\t<dict/>`,
    `${a}\t<key>CheckedForUserDefaultShell</key>`,
    `${a}\t<dict/>`,
    `${a}\t<key>inputMethod</key>`,
    `${a}\t<dict/>`,
    `${a}\t<key>shell</key>`,
    `${a}\t<dict/>`,
    `${a}\t<key>source</key>`,
    `${a}\t<dict/>`,
    `${a}</dict>`,
    `${a}<key>AMProvides</key>`,
    `${a}<dict>`,
    `${a}\t<key>Container</key>`,
    `${a}\t<string>List</string>`,
    `${a}\t<key>Types</key>`,
    ...stringArray(`${a}\t`, ['com.apple.cocoa.string']),
    `${a}</dict>`,
    `${a}<key>ActionBundlePath</key>`,
    `${a}<string>/System/Library/Automator/Run Shell Script.action</string>`,
    `${a}<key>ActionName</key>`,
    `${a}<string>Run Shell Script</string>`,
    `${a}<key>ActionParameters</key>`,
    ...parameters(a, command),
    `${a}<key>BundleIdentifier</key>`,
    `${a}<string>com.apple.RunShellScript</string>`,
    `${a}<key>CFBundleVersion</key>`,
    `${a}<string>2.0.3</string>`,
    `${a}<key>CanShowSelectedItemsWhenRun</key>`,
    `${a}<false/>`,
    `${a}<key>CanShowWhenRun</key>`,
    `${a}<true/>`,
    `${a}<key>Category</key>`,
    ...stringArray(a, ['AMCategoryUtilities']),
    `${a}<key>Class Name</key>`,
    `${a}<string>RunShellScriptAction</string>`,
    `${a}<key>InputUUID</key>`,
    `${a}<string>5D5D1E6A-3C1B-4F0E-9B7A-1C2D3E4F5A60</string>`,
    `${a}<key>OutputUUID</key>`,
    `${a}<string>5D5D1E6A-3C1B-4F0E-9B7A-1C2D3E4F5A61</string>`,
    `${a}<key>UUID</key>`,
    `${a}<string>5D5D1E6A-3C1B-4F0E-9B7A-1C2D3E4F5A62</string>`,
    `${a}<key>UnlocalizedApplications</key>`,
    ...stringArray(a, ['Automator']),
    `${a}<key>arguments</key>`,
    `${a}<dict/>`,
    `${a}<key>isViewVisible</key>`,
    `${a}<integer>1</integer>`,
    '\t\t\t</dict>',
    '\t\t\t<key>isViewVisible</key>',
    '\t\t\t<integer>1</integer>',
    '\t\t</dict>',
    '\t</array>',
    '\t<key>connectors</key>',
    '\t<dict/>',
    '\t<key>workflowMetaData</key>',
    '\t<dict>',
    '\t\t<key>applicationBundleIDsByPath</key>',
    '\t\t<dict/>',
    '\t\t<key>applicationPaths</key>',
    '\t\t<array/>',
    '\t\t<key>inputTypeIdentifier</key>',
    '\t\t<string>com.apple.Automator.fileSystemObject</string>',
    '\t\t<key>outputTypeIdentifier</key>',
    '\t\t<string>com.apple.Automator.nothing</string>',
    '\t\t<key>presentationMode</key>',
    '\t\t<integer>15</integer>',
    '\t\t<key>processesInput</key>',
    '\t\t<false/>',
    '\t\t<key>serviceInputTypeIdentifier</key>',
    '\t\t<string>com.apple.Automator.fileSystemObject</string>',
    '\t\t<key>serviceOutputTypeIdentifier</key>',
    '\t\t<string>com.apple.Automator.nothing</string>',
    '\t\t<key>serviceProcessesInput</key>',
    '\t\t<false/>',
    '\t\t<key>systemImageName</key>',
    '\t\t<string>NSActionTemplate</string>',
    '\t\t<key>useAutomaticInputType</key>',
    '\t\t<false/>',
    '\t\t<key>workflowTypeIdentifier</key>',
    '\t\t<string>com.apple.Automator.servicesMenu</string>',
    '\t</dict>',
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}
