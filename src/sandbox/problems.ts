// RFC 7807 problem details, shaped like ASP.NET's ProblemDetails / ValidationProblemDetails, which is what
// Credyt's spec names (`ProblemDetails` for 400, `ValidationProblem` for 422): `errors` maps a field path
// to messages.

export type FieldErrors = Record<string, string[]>;

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  405: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  410: 'https://tools.ietf.org/html/rfc9110#section-15.5.11',
  413: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
  422: 'https://tools.ietf.org/html/rfc9110#section-15.5.21',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
  504: 'https://tools.ietf.org/html/rfc9110#section-15.6.5',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldErrors;
}

/** Thrown by handlers; the server turns it into an `application/problem+json` answer. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly errors?: FieldErrors,
    readonly title: string = TITLES[status] ?? 'Error',
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  body(): ProblemBody {
    const body: ProblemBody = { type: TYPES[this.status] ?? 'about:blank', title: this.title, status: this.status };
    if (this.detail !== undefined) body.detail = this.detail;
    if (this.errors && Object.keys(this.errors).length > 0) body.errors = this.errors;
    return body;
  }
}

export function notFound(detail: string): Problem {
  return new Problem(404, detail);
}

/** A validation failure: the detail repeats the first field error so a log line alone says what was wrong. */
export function validationProblem(httpStatus: 400 | 422, errors: FieldErrors): Problem {
  const [field, messages] = Object.entries(errors)[0] ?? ['body', ['is invalid']];
  return new Problem(httpStatus, `${field}: ${messages[0]}`, errors, 'One or more validation errors occurred.');
}

/** One-field 422, for checks that need state (duplicates, unknown references). */
export function fieldProblem(field: string, message: string, httpStatus: 400 | 422 = 422): Problem {
  return validationProblem(httpStatus, { [field]: [message] });
}
