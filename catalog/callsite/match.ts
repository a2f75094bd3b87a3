import type { ArgumentRole, CallsConfig, FunctionForm, ModuleForm } from '../calls';
import { looksLikeErrorId } from '../ids';
import type { ErrorIdReference, IdPart, PlaceholderArguments, ScopeReference, StaticPart } from './reference';
import type { ArgumentDescription, CallSiteDescription, NameBinding, RootBinding, StaticArgument } from './site';

/** Depth limit for wrappers of wrappers (`const a = kerror.wrap(…)`, `const b = a…`), against cycles. */
const MAX_DEPTH = 8;

type Callee =
  | { readonly kind: 'module'; readonly form: ModuleForm; readonly method: string }
  | { readonly kind: 'wrapper'; readonly form: ModuleForm; readonly scope: ScopeReference; readonly method: string };

/**
 * Recognises error-id references under a project's `calls` config. Built once per config and
 * reused for every call site of every file.
 */
export class CallMatcher {
  /**
   * Every name that can end a recognised callee (`getError`, `get`, `wrap`, …). Adapters use
   * it to skip the many calls that cannot be references before describing them; `new` inside
   * `throw` is recognised whatever its name, when `throwNew` is on.
   */
  readonly calleeNames: ReadonlySet<string>;
  /** Module names (`kerror`), whose imports adapters may want to track. */
  readonly moduleNames: ReadonlySet<string>;
  /** `calls.functions` with their callee paths split once, not on every call site. */
  private readonly functionForms: ReadonlyArray<{ readonly form: FunctionForm; readonly segments: readonly string[] }>;

  constructor(readonly calls: CallsConfig) {
    const names = new Set<string>();
    for (const form of calls.functions) names.add(lastSegment(form.callee));
    for (const form of calls.modules) {
      for (const method of Object.keys(form.methods)) names.add(method);
      if (form.wrap) {
        names.add(form.wrap.method);
        for (const method of Object.keys(form.wrap.methods)) names.add(method);
      }
    }
    this.calleeNames = names;
    this.moduleNames = new Set(calls.modules.map((form) => form.module));
    this.functionForms = calls.functions.map((form) => ({ form, segments: form.callee.split('.') }));
  }

  /**
   * True when a call whose callee ends with `name` could be a reference (before resolving
   * bindings). `aliases` (from aliasNames) adds the file's local names bound to callee names.
   */
  mayMatch(name: string | undefined, kind: 'call' | 'new', thrown: boolean, aliases?: ReadonlySet<string>): boolean {
    return (
      (name !== undefined && (this.calleeNames.has(name) || aliases?.has(name) === true)) ||
      (kind === 'new' && thrown && this.calls.throwNew !== false)
    );
  }

  /**
   * The local names of a file that may end a recognised callee although no form names them:
   * those bound, directly or through other bindings (`const g = ge`), to a callee name or a
   * module name (`const em = kerror; em.get()` ends with `get` anyway, but `const ge = getError`
   * does not). The pre-filter every surface applies, decided here once.
   */
  aliasNames(bindings: readonly NameBinding[]): ReadonlySet<string> {
    const aliases = new Set<string>();
    if (bindings.length === 0) return aliases;
    const known = (name: string): boolean => this.calleeNames.has(name) || aliases.has(name);
    // A fixpoint over the list: each round adds the names bound to one more level of aliases.
    for (let changed = true; changed;) {
      changed = false;
      for (const { local, bound } of bindings) {
        if (!aliases.has(local) && !this.calleeNames.has(local) && known(bound)) {
          aliases.add(local);
          changed = true;
        }
      }
    }
    return aliases;
  }

  /** The error-id reference a call site makes, or undefined when it is not a recognised call. */
  match(site: CallSiteDescription): ErrorIdReference | undefined {
    return this.matchAt(site, 0);
  }

  private matchAt(site: CallSiteDescription, depth: number): ErrorIdReference | undefined {
    const callee = this.resolveCallee(site, depth);
    if (callee) {
      if (callee.kind === 'wrapper') {
        const roles = callee.form.wrap!.methods[callee.method];
        if (roles) return this.wrappedReference(site, roles, callee.scope);
      } else if (callee.method === callee.form.wrap?.method) {
        return scopeReference(site, callee.form.wrap.args);
      } else {
        const roles = callee.form.methods[callee.method];
        if (roles) return buildReference(site, roles, 'split');
      }
      // A known module or wrapper but an unknown method: not a reference (e.g. kerror.format()).
      return undefined;
    }

    const path = calleePath(site);
    for (const { form, segments } of this.functionForms) {
      if (endsWith(path, segments)) return buildReference(site, form.args, undefined, form.placeholders ?? true);
    }

    if (site.kind === 'new' && site.thrown && this.calls.throwNew) {
      const roles = this.calls.throwNew.args;
      const index = roles.indexOf('id');
      const first = site.arguments[index];
      // Every branch of a conditional must look like an id: `throw new Error(c ? 'a' : 'b')` is not a reference.
      const values = first?.kind === 'static' ? [first] : first?.kind === 'choice' ? first.options : [];
      if (values.length > 0 && values.every((option) => looksLikeErrorId(option.value)))
        return buildReference(site, roles);
    }
    return undefined;
  }

  /** Which module method or wrapper method the callee is, if any. */
  private resolveCallee(site: CallSiteDescription, depth: number): Callee | undefined {
    const { root, members } = site.callee;
    const method = members.length > 0 ? members[members.length - 1]! : undefined;
    if (members.length > 1) return undefined;
    const moduleForm = this.moduleOf(root);
    if (moduleForm) {
      if (root.kind === 'module' && root.imported !== undefined && root.imported !== 'default') {
        // `import { get } from './kerror'; get(…)`
        return members.length === 0 ? { kind: 'module', form: moduleForm, method: root.imported } : undefined;
      }
      return method === undefined ? undefined : { kind: 'module', form: moduleForm, method };
    }
    if (root.kind === 'value' && method !== undefined && depth < MAX_DEPTH) {
      const init = this.matchAt(root.init, depth + 1);
      if (init?.form === 'scope') {
        const form = this.wrapperForm(root.init, depth + 1);
        if (form) return { kind: 'wrapper', form, scope: init, method };
      }
    }
    return undefined;
  }

  private wrapperForm(site: CallSiteDescription, depth: number): ModuleForm | undefined {
    const callee = this.resolveCallee(site, depth);
    return callee?.kind === 'module' ? callee.form : undefined;
  }

  private moduleOf(root: RootBinding): ModuleForm | undefined {
    let name: string;
    if (root.kind === 'global') name = root.name;
    else if (root.kind === 'module') name = moduleNameOf(root.source);
    else return undefined;
    return this.calls.modules.find((form) => form.module === name);
  }

  private wrappedReference(
    site: CallSiteDescription,
    roles: readonly ArgumentRole[],
    scope: ScopeReference,
  ): ErrorIdReference {
    // Domain and subdomain come from the wrap() call: shown and checked, never rewritten from here.
    const inherit = (part: IdPart): IdPart =>
      part.kind === 'static'
        ? { ...part, editable: false }
        : part.kind === 'choice'
          ? { ...part, options: part.options.map((option) => ({ ...option, editable: false })) }
          : part;
    return {
      form: 'wrapped',
      range: site.range,
      domain: inherit(scope.domain),
      subdomain: inherit(scope.subdomain),
      name: partFor(site.arguments, roles, 'name'),
      placeholders: countPlaceholderArguments(site.arguments.slice(roles.length)),
    };
  }
}

function scopeReference(site: CallSiteDescription, roles: readonly ArgumentRole[]): ScopeReference {
  return {
    form: 'scope',
    range: site.range,
    domain: partFor(site.arguments, roles, 'domain'),
    subdomain: partFor(site.arguments, roles, 'subdomain'),
  };
}

function buildReference(
  site: CallSiteDescription,
  roles: readonly ArgumentRole[],
  splitForm?: 'split' | 'wrapped',
  hasPlaceholders = true,
): Exclude<ErrorIdReference, ScopeReference> {
  const placeholders = hasPlaceholders ? countPlaceholderArguments(site.arguments.slice(roles.length)) : undefined;
  if (roles.includes('id')) {
    return { form: 'dotted', range: site.range, id: partFor(site.arguments, roles, 'id'), placeholders };
  }
  return {
    form: splitForm ?? 'split',
    range: site.range,
    domain: partFor(site.arguments, roles, 'domain'),
    subdomain: partFor(site.arguments, roles, 'subdomain'),
    name: partFor(site.arguments, roles, 'name'),
    placeholders,
  };
}

function partFor(args: readonly ArgumentDescription[], roles: readonly ArgumentRole[], role: ArgumentRole): IdPart {
  const index = roles.indexOf(role);
  if (index < 0) return { kind: 'missing' };
  // A spread at or before the position makes the argument there unknowable.
  const spread = args.findIndex((arg) => arg.kind === 'spread');
  if (spread >= 0 && spread <= index) return { kind: 'dynamic', range: args[spread]!.range };
  const arg = args[index];
  if (!arg) return { kind: 'missing' };
  if (arg.kind === 'static') return staticPart(arg);
  if (arg.kind === 'choice') return { kind: 'choice', options: arg.options.map(staticPart), range: arg.range };
  return { kind: 'dynamic', range: arg.range };
}

function staticPart(arg: StaticArgument): StaticPart {
  return { kind: 'static', value: arg.value, range: arg.range, literal: arg.literal, editable: true };
}

/** Arguments after the id: a trailing object literal is an options argument; a spread makes the count unknown. */
function countPlaceholderArguments(rest: readonly ArgumentDescription[]): PlaceholderArguments {
  if (rest.some((arg) => arg.kind === 'spread')) return { count: undefined };
  const last = rest[rest.length - 1];
  return { count: last?.kind === 'object' ? rest.length - 1 : rest.length };
}

function calleePath(site: CallSiteDescription): string[] {
  const { root, members } = site.callee;
  const head = root.kind === 'module' ? (root.imported ?? root.name) : root.kind === 'unknown' ? undefined : root.name;
  return head === undefined ? [...members] : [head, ...members];
}

function endsWith(path: readonly string[], wanted: readonly string[]): boolean {
  if (wanted.length > path.length) return false;
  const offset = path.length - wanted.length;
  return wanted.every((segment, i) => path[offset + i] === segment);
}

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/** Import sources seen → module names: every call through an import asks again (bounded, pure). */
const MODULE_NAME_CACHE_LIMIT = 10_000;
const moduleNames = new Map<string, string>();

/** `../../kerror`, `./kerror/index.js`, `@app/kerror` → `kerror`. */
export function moduleNameOf(source: string): string {
  let name = moduleNames.get(source);
  if (name === undefined) {
    name = computeModuleName(source);
    if (moduleNames.size >= MODULE_NAME_CACHE_LIMIT) moduleNames.clear();
    moduleNames.set(source, name);
  }
  return name;
}

function computeModuleName(source: string): string {
  const segments = source
    .replace(/[?#].*$/, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  let last = segments.pop() ?? '';
  last = last.replace(/\.(?:[cm]?[jt]sx?|json)$/, '');
  if (last === 'index' && segments.length > 0) last = segments.pop()!.replace(/\.(?:[cm]?[jt]sx?)$/, '');
  return last;
}
