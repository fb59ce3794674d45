// Stable error codes shared by the app service, the upload queue and the command line. Plain Node.
export { apiErrorCode, uploadPathCode } from './api-error-code';
export type { CodedError } from './api-error-code';
export { uploadFailureCode } from './upload-failure-code';
export { parseJobErrorParams } from './job-error-params';
