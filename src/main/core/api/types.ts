// The shapes the API client speaks. Everything here is plain data so it can cross IPC unchanged.

/** Where the API lives. The spec serves uploads and credits from two different hosts. */
export interface ApiEndpoints {
  /** e.g. https://kieai.redpandaai.co — serves /api/file-*-upload */
  uploadBaseUrl: string;
  /** e.g. https://api.kie.ai — serves /api/v1/chat/credit */
  creditsBaseUrl: string;
}

export const DEFAULT_ENDPOINTS: ApiEndpoints = {
  uploadBaseUrl: 'https://kieai.redpandaai.co',
  creditsBaseUrl: 'https://api.kie.ai',
};

/** Files live on the server for this long after upload (the spec's "deleted after 3 days"). */
export const FILE_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;

/** Largest file we send as Base64: the spec recommends ≤ 10 MB for that route. */
export const BASE64_MAX_BYTES = 10 * 1024 * 1024;

export type UploadMethod = 'stream' | 'base64' | 'url';

/** One upload's result, normalised from either documented response shape. */
export interface UploadResult {
  fileName: string;
  /** Storage path on the server, e.g. "images/user-uploads/photo.png" */
  filePath: string;
  downloadUrl: string;
  fileSize: number;
  mimeType: string;
  /** ISO 8601 */
  uploadedAt: string;
  /** ISO 8601; uploadedAt + 3 days when the server does not say */
  expiresAt: string;
  /** Present only in the quickstart shape */
  fileId?: string;
  fileUrl?: string;
}

export interface UploadProgress {
  /** Body bytes written to the socket so far (multipart framing included). */
  sent: number;
  /** Exact body length announced in Content-Length. */
  total: number;
  /** Bytes per second, smoothed. */
  rate: number;
}

export type ProgressListener = (progress: UploadProgress) => void;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Abort when the server has not answered (headers) this long after the body was sent. Default 5 min. */
  responseTimeoutMs?: number;
  /** Abort when no body byte could be written for this long. Default 30 s. */
  idleTimeoutMs?: number;
}

export interface StreamUploadRequest extends RequestOptions {
  filePath: string;
  uploadPath: string;
  /** Defaults to the local file's base name. */
  fileName?: string;
  onProgress?: ProgressListener;
  /** Called once the file is open and before any byte is sent, with the version being sent (a caller
   * that would stat the file itself to notice a change since it was queued can use this instead). */
  onOpened?: (file: { size: number; mtimeMs: number }) => void;
}

export interface Base64UploadRequest extends RequestOptions {
  /** A local file to encode (streamed), or ready-made Base64 / data URL text. */
  source: { filePath: string } | { base64Data: string };
  uploadPath: string;
  fileName?: string;
  onProgress?: ProgressListener;
}

export interface UrlUploadRequest extends RequestOptions {
  fileUrl: string;
  uploadPath: string;
  fileName?: string;
}
