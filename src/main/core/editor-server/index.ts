// The PicGo-compatible local upload server for editors (Typora, Obsidian, VS Code). Plain Node: the
// app hands in its clipboard upload and the question it asks the user about a new client.
export { DEFAULT_EDITOR_SERVER_PORT, startEditorServer } from './editor-server';
export type { EditorServer, EditorServerOptions } from './editor-server';
export { createClientApproval, memoryClientDecisions } from './client-approval';
export type { ApproveClient, ClientDecisions } from './client-approval';
export { uploadFilesForEditor } from './upload-files';
export type { EditorUploadOptions, EditorUploadResult } from './upload-files';
export { parseUploadBody } from './upload-body';
export { refuseContentType, refuseWebRequest, refuseWithoutToken } from './request-guard';
