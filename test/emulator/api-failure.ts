// A request the API refuses: carries the HTTP status and the documented {success:false, code, msg} body.

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export function errorBody(status: number, msg: string): { success: false; code: number; msg: string } {
  return { success: false, code: status, msg };
}
