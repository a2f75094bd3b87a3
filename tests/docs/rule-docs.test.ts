/**
 * The rule pages (docs/rules/*.md) and the README's rule table, checked against the rules
 * themselves, as typescript-eslint checks its own rule docs: title, description, the
 * `configs.recommended` line, the options, and every code sample linted with the real rule,
 * producing exactly the reports the page draws (conventions in ./rule-page.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index';
import { REPO_ROOT } from '../support/scratch-project';
import { annotate, samples, sections, stripAnnotations, type Sample, type ShownReport } from './rule-page';

const NAMESPACE = 'error-catalog';
const RULES = Object.keys(plugin.rules) as Array<keyof typeof plugin.rules>;
const DOCS = join(REPO_ROOT, 'docs', 'rules');
const page = (name: string): string => readFileSync(join(DOCS, `${name}.md`), 'utf8');
/** The catalog the pages' samples are written against (the excerpts and messages the pages show). */
const FIXTURES = join(__dirname, 'fixtures');
const CATALOG = join(FIXTURES, 'catalog');

/** The status line a page must carry, from the rule's meta. */
function statusLine(name: keyof typeof plugin.rules): string {
  const meta = plugin.rules[name].meta;
  const level = meta.docs?.recommended;
  return [
    level ? `✅ In \`configs.recommended\` (${level})` : 'Not in `configs.recommended`',
    ...(meta.fixable ? ['🔧 Fixable'] : []),
    ...(meta.hasSuggestions ? ['💡 Has suggestions'] : []),
  ].join(' · ');
}

/** The option names of the rule's schema (an object per option). */
function optionNames(name: keyof typeof plugin.rules): string[] {
  const schema = plugin.rules[name].meta.schema;
  const items = Array.isArray(schema) ? schema : [];
  return items.flatMap((item: { properties?: Record<string, unknown> }) => Object.keys(item.properties ?? {}));
}

const linter = new Linter({ configType: 'flat' });

/** Lints `code` with the one rule (and the rule tests' fixture catalog), as ESLint would in a project. */
function lint(name: string, sample: Sample, code: string): ShownReport[] {
  const typescript = sample.language === 'ts' || sample.language === 'tsx';
  const messages = linter.verify(
    code,
    [
      {
        files: [`**/*.${sample.language}`],
        languageOptions: {
          sourceType: 'module',
          ...(typescript ? { parser: tsParser } : {}),
          parserOptions: { ecmaFeatures: { jsx: sample.language.endsWith('x') } },
        },
        plugins: { [NAMESPACE]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
        settings: { [NAMESPACE]: { catalog: CATALOG } },
        rules: { [`${NAMESPACE}/${name}`]: ['error', ...sample.options] as Linter.RuleEntry },
      },
    ],
    { filename: join(FIXTURES, `sample.${sample.language}`) },
  );
  const fatal = messages.find((m) => m.ruleId === null);
  if (fatal) throw new Error(`the sample does not parse: ${fatal.line}:${fatal.column}: ${fatal.message}`);
  return messages.map((m) => ({
    line: m.line,
    column: m.column,
    endLine: m.endLine ?? m.line,
    endColumn: m.endColumn ?? m.column,
    message: m.message,
    ...(m.fix ? { fix: m.fix.text } : {}),
    suggestions: (m.suggestions ?? []).map((s) => s.desc),
  }));
}

describe('every rule has a page and every page a rule', () => {
  it('docs/rules holds exactly one page per rule', () => {
    const pages = readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    expect(pages.sort()).toEqual([...RULES].sort());
  });
});

describe.each(RULES)('docs/rules/%s.md', (name) => {
  const markdown = page(name);
  const lines = markdown.split('\n');
  const meta = plugin.rules[name].meta;

  it('has the rule name as its title and meta.docs.description as its description', () => {
    expect(lines[0]).toBe(`# ${NAMESPACE}/${name}`);
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe(`> ${meta.docs?.description}.`);
  });

  it('states whether configs.recommended has it, at which level, and whether it fixes or suggests', () => {
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe(statusLine(name));
    // and the level the page shows is the one the config gives
    const shown = /^✅ In `configs\.recommended` \((error|warn)\)/.exec(lines[4]!)?.[1] ?? 'off';
    expect(plugin.configs.recommended.rules?.[`${NAMESPACE}/${name}`]).toBe(shown);
  });

  it('documents each option of meta.schema (and says "None." when there is none)', () => {
    const options = sections(markdown).get('Options');
    expect(options, 'a "## Options" section').toBeDefined();
    const headings = options!.lines.filter((l) => l.startsWith('### ')).map((l) => l.slice(4).trim());
    const names = optionNames(name);
    expect(headings).toEqual(names.map((option) => `\`${option}\``));
    if (names.length === 0) expect(options!.lines.find((l) => l.trim() !== '')).toMatch(/^None\./);
  });

  const pageSamples = samples(markdown);

  it('has incorrect and correct samples, each under the matching heading', () => {
    expect(pageSamples.some((s) => s.kind === 'incorrect')).toBe(true);
    expect(pageSamples.some((s) => s.kind === 'correct')).toBe(true);
    for (const sample of pageSamples) {
      if (/Incorrect/.test(sample.heading)) expect(sample.kind, `sample at line ${sample.line}`).toBe('incorrect');
      if (/Correct/.test(sample.heading) && !/Incorrect/.test(sample.heading))
        expect(sample.kind, `sample at line ${sample.line}`).toBe('correct');
    }
    // no unmarked code under the Examples headings
    const examples = sections(markdown).get('Examples')?.lines.join('\n') ?? '';
    const unmarked = examples.match(/^```(?:ts|js|tsx|jsx)\s*$/gm) ?? [];
    expect(unmarked).toEqual([]);
  });

  it.each(pageSamples.map((sample) => [`${sample.kind} sample at line ${sample.line}`, sample] as const))(
    '%s gives exactly the reports it shows',
    (_, sample) => {
      const code = stripAnnotations(sample.text);
      const reports = lint(name, sample, code);
      if (sample.kind === 'correct') expect(reports).toEqual([]);
      else expect(reports.length).toBeGreaterThan(0);
      expect(annotate(code, reports)).toBe(sample.text);
    },
  );
});

describe("the README's rule table", () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const rows = readme.split('\n').filter((line) => line.startsWith(`| [\`${NAMESPACE}/`));

  it('has one row per rule, linking to its page', () => {
    expect(rows.map((row) => /^\| \[`error-catalog\/([a-z-]+)`\]\(docs\/rules\/\1\.md\) \|/.exec(row)?.[1])).toEqual(
      RULES,
    );
  });

  it.each(RULES)('%s: its recommended level and fix column match the rule', (name) => {
    const row = rows.find((r) => r.startsWith(`| [\`${NAMESPACE}/${name}\`]`));
    const cells = row!.split(' | ').map((cell) => cell.trim());
    const meta = plugin.rules[name].meta;
    expect(cells[2]).toBe(meta.docs?.recommended || 'off');
    const fix = cells[3]!.replace(/\|$/, '').trim();
    expect(fix.includes('🔧')).toBe(meta.fixable !== undefined);
    expect(fix.includes('💡')).toBe(meta.hasSuggestions === true);
  });
});
