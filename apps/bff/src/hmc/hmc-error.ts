// The error of a failed HMC request, with the HMC's status and reason so callers can react (e.g.
// 404.1 for a metrics context that is gone). Its message never carries credentials, the session id
// or more than a short redacted excerpt of what the HMC said.
import { AppError } from '../errors.js';

export class HmcError extends AppError {
  constructor(
    readonly httpStatus: number,
    readonly reason: number,
    message: string,
    code: 'upstream_error' | 'upstream_timeout' = 'upstream_error',
  ) {
    super(code, message);
    this.name = 'HmcError';
  }
}
