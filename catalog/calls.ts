/**
 * How the code names errors: the `calls` section of error-catalog.config.json. Both the
 * ESLint rules and the TypeScript plugin read this, through callsite/, so they always agree on
 * what is an error-id reference.
 */

/**
 * What one argument of a recognised call is: the dotted `id`, one part of a split id, or an
 * argument to skip (`any`, e.g. the source error of `getFrom`). Arguments after the last role
 * are the message's placeholders.
 */
export type ArgumentRole = 'id' | 'domain' | 'subdomain' | 'name' | 'any';

/** A function (or constructor) called with an id, matched by the end of its callee path. */
export interface FunctionForm {
  /** `getError` matches `getError(…)` and `x.getError(…)`; `AppError.from` matches `AppError.from(…)`. */
  readonly callee: string;
  readonly args: readonly ArgumentRole[];
  /** Whether the arguments after the roles are placeholders (default true). */
  readonly placeholders?: boolean;
}

/** A module with the split form, recognised by local name or by the last segment of its import source. */
export interface ModuleForm {
  readonly module: string;
  /** Method name → argument roles, e.g. `get: ["domain", "subdomain", "name"]`. */
  readonly methods: Readonly<Record<string, readonly ArgumentRole[]>>;
  /** `wrap(domain, subdomain)` returns an object whose methods take the rest of the id. */
  readonly wrap?: {
    readonly method: string;
    readonly args: readonly ArgumentRole[];
    readonly methods: Readonly<Record<string, readonly ArgumentRole[]>>;
  };
}

/** `throw new AnyClass('a.b.c', …)`: only when the first argument is a static string shaped like an id. */
export interface ThrowForm {
  readonly args: readonly ArgumentRole[];
}

export interface CallsConfig {
  readonly functions: readonly FunctionForm[];
  readonly modules: readonly ModuleForm[];
  readonly throwNew: ThrowForm | false;
}

const SPLIT: readonly ArgumentRole[] = ['domain', 'subdomain', 'name'];
const SPLIT_FROM: readonly ArgumentRole[] = ['any', 'domain', 'subdomain', 'name'];

export const DEFAULT_CALLS: CallsConfig = normalizeCalls({
  functions: [{ callee: 'getError', args: ['id'] }],
  modules: [
    {
      module: 'kerror',
      methods: { get: SPLIT, reject: SPLIT, getFrom: SPLIT_FROM, rejectFrom: SPLIT_FROM },
      wrap: {
        method: 'wrap',
        args: ['domain', 'subdomain'],
        methods: { get: ['name'], reject: ['name'], getFrom: ['any', 'name'], rejectFrom: ['any', 'name'] },
      },
    },
  ],
  throwNew: { args: ['id'] },
});

/** The project's `calls` over the defaults: each key given replaces the default of that key. */
export function resolveCalls(partial: Partial<CallsConfig> | undefined): CallsConfig {
  return normalizeCalls({
    functions: partial?.functions ?? DEFAULT_CALLS.functions,
    modules: partial?.modules ?? DEFAULT_CALLS.modules,
    throwNew: partial?.throwNew ?? DEFAULT_CALLS.throwNew,
  });
}

/**
 * Method tables are looked up by names taken from code (`import { toString as get } from
 * './kerror'`): they are copied into prototype-less objects, so `methods['toString']` or
 * `methods['constructor']` is undefined rather than a function of Object.prototype.
 */
function normalizeCalls(calls: CallsConfig): CallsConfig {
  return {
    functions: calls.functions,
    modules: calls.modules.map((form) => ({
      ...form,
      methods: methodTable(form.methods),
      ...(form.wrap ? { wrap: { ...form.wrap, methods: methodTable(form.wrap.methods) } } : {}),
    })),
    throwNew: calls.throwNew,
  };
}

/** An own-properties-only copy of a method table, without a prototype (idempotent). */
export function methodTable(
  methods: Readonly<Record<string, readonly ArgumentRole[]>>,
): Readonly<Record<string, readonly ArgumentRole[]>> {
  if (Object.getPrototypeOf(methods) === null) return methods;
  const table = Object.create(null) as Record<string, readonly ArgumentRole[]>;
  for (const [name, roles] of Object.entries(methods)) table[name] = roles;
  return table;
}

/** The roles of `method` in a method table, own properties only (the one lookup every surface uses). */
export function rolesOf(
  methods: Readonly<Record<string, readonly ArgumentRole[]>>,
  method: string,
): readonly ArgumentRole[] | undefined {
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}
