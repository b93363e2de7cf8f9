/**
 * Services throw these; one error handler maps them to HTTP. Matching is by class, never by message.
 * `detail` is the sentence shown to the person using the app.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(what = 'This item') {
    super(404, `${what} was not found.`);
  }
}

export class Forbidden extends AppError {
  constructor(detail = 'Your role is not allowed to do this.') {
    super(403, detail);
  }
}

export class Unauthorized extends AppError {
  constructor(detail = 'Sign in to continue.') {
    super(401, detail);
  }
}

export class Conflict extends AppError {
  constructor(detail: string) {
    super(409, detail);
  }
}

/** A rule on the input that a schema cannot express (e.g. an unknown category). */
export class Invalid extends AppError {
  constructor(
    detail: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(422, detail);
  }
}

export class Unavailable extends AppError {
  constructor(detail = 'The service is briefly unavailable. Please try again.') {
    super(503, detail);
  }
}
