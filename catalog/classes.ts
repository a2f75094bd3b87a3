/** HTTP statuses of the standard error classes; projects add or override classes in their config. */
export const STANDARD_CLASSES: Readonly<Record<string, number>> = Object.freeze({
  BadRequestError: 400,
  UnauthorizedError: 401,
  ForbiddenError: 403,
  NotFoundError: 404,
  PreconditionError: 412,
  SizeLimitError: 413,
  TooManyRequestsError: 429,
  InternalError: 500,
  PluginImplementationError: 500,
  ExternalServiceError: 500,
  ServiceUnavailableError: 503,
  GatewayTimeoutError: 504,
  PartialError: 206,
  MultipleErrorsError: 400,
});

/** The class table in force: the standard classes with the project's additions and overrides. */
export function classTable(projectClasses: Readonly<Record<string, number>> | undefined): ReadonlyMap<string, number> {
  const table = new Map<string, number>(Object.entries(STANDARD_CLASSES));
  if (projectClasses) for (const [name, status] of Object.entries(projectClasses)) table.set(name, status);
  return table;
}
