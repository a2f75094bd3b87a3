/**
 * error-catalog: load, validate and query an error catalog, and decide what an error-id
 * reference at a call site is and what is wrong with it. The ESLint rules (`error-catalog/eslint`),
 * the TypeScript plugin (`error-catalog/ts-plugin`) and the CLI are thin layers over this.
 */
export { Catalog, type Suggestion } from './catalog';
export { STANDARD_CLASSES, classTable } from './classes';
export {
  DEFAULT_CALLS,
  resolveCalls,
  type ArgumentRole,
  type CallsConfig,
  type FunctionForm,
  type ModuleForm,
  type ThrowForm,
} from './calls';
export { findDuplicateKeys } from './duplicate-keys';
export {
  CONFIG_FILE_NAME,
  findConfigFile,
  normalizeConfig,
  readConfigFile,
  type ConfigInput,
  type ConfigResult,
  type ProjectConfig,
} from './config';
export { formatHexCode, fullErrorCode, isSnakeCase, looksLikeErrorId, parseErrorId, type ParsedId } from './ids';
export { loadCatalog, SHIPPED_CATALOG, type LoadResult } from './load';
export { checkCatalog, lintCatalogSources, type CheckResult } from './lint';
export { isBlank, isVersion } from './fields';
export type {
  CatalogDomain,
  CatalogError,
  CatalogLocation,
  CatalogProblem,
  CatalogSubdomain,
  Deprecation,
  DeprecationMark,
  JsonPath,
} from './model';
export { countPlaceholders, formatMessage } from './placeholders';
export {
  clearProjectCache,
  getProject,
  markProjectsStale,
  setFreshnessInterval,
  type Project,
  type ProjectRequest,
} from './project';
export { createErrors, KnownError, type Errors, type ScopedErrors } from './runtime';
export { CallMatcher, moduleNameOf } from './callsite/match';
export {
  checkReference,
  type CheckOptions,
  type Finding,
  type FindingKind,
  type IdFix,
  type TextEdit,
} from './callsite/findings';
export { MESSAGES, renderMessage, type MessageData, type MessageId } from './callsite/messages';
export { describeProblems } from './callsite/problems';
export type {
  DottedReference,
  ErrorIdReference,
  IdPart,
  PlaceholderArguments,
  ScopeReference,
  SplitReference,
  StaticPart,
} from './callsite/reference';
export { variantsOf } from './callsite/reference';
export {
  completeAt,
  partAt,
  referencedId,
  referencedIds,
  resolvePartAt,
  type CompleteOptions,
  type CompletionCandidate,
  type CompletionResult,
  type PartAtCursor,
  type PartAtOptions,
  type PartRole,
  type ResolvedPart,
} from './callsite/complete';
export type {
  ArgumentDescription,
  CallSiteDescription,
  CalleeDescription,
  NameBinding,
  Range,
  RootBinding,
  StaticArgument,
} from './callsite/site';
