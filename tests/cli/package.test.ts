import { beforeAll, describe, expect, it } from 'vitest';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';

const CATALOG = JSON.stringify(
  {
    code: 1,
    subDomains: {
      auth: {
        code: 1,
        errors: {
          invalid_token: {
            code: 1,
            message: 'Invalid token',
            description: 'The token is not valid',
            class: 'UnauthorizedError',
          },
          expired: { code: 2, message: 'Expired', description: 'The token has expired', class: 'UnauthorizedError' },
        },
      },
    },
  },
  null,
  2,
);

/** The packed tarball, installed as users install it: `npx error-catalog` must work from there. */
describe('the packed package', () => {
  let project: ScratchProject;
  beforeAll(() => {
    project = createScratchProject(
      'cli-check',
      {},
      {
        'error-catalog.config.json': '{ "catalog": "errors" }\n',
        'errors/1-app.json': CATALOG,
        'src/login.js': "throw getError('app.auth.invalid_token');\n",
      },
    );
  });

  it('runs npx error-catalog check', () => {
    expect(project.run('npx', ['error-catalog', 'check'])).toEqual({
      status: 0,
      stdout: 'no problems: 2 errors (0 deprecated) in 1 domain\n',
      stderr: '',
    });
    project.write('errors/1-app.json', CATALOG.replace('"UnauthorizedError"', '"UnknownError"'));
    try {
      const broken = project.run('npx', ['error-catalog', 'check']);
      expect(broken.status).toBe(1);
      expect(broken.stdout).toBe(
        "errors/1-app.json:11:20  unknown error class 'UnknownError' (add it to 'classes' in error-catalog.config.json)\n",
      );
    } finally {
      project.write('errors/1-app.json', CATALOG);
    }
  });

  it('runs docs, ids and unused (worker threads included)', () => {
    expect(project.run('npx', ['error-catalog', 'docs', '--out', 'site']).status).toBe(0);
    expect(project.run('npx', ['error-catalog', 'docs', '--check', '--out', 'site']).status).toBe(0);
    expect(project.run('npx', ['error-catalog', 'ids', '--format', 'csv']).stdout).toContain(
      'app.auth.expired,0x01010002,UnauthorizedError,401,Expired,,',
    );
    const unused = project.run('npx', ['error-catalog', 'unused', '--jobs', '2', '--fail-on-unused']);
    expect(unused).toMatchObject({ status: 1, stdout: 'unused      app.auth.expired\n' });
  });
});
