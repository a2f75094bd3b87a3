'use strict';
// The app's error factory: the catalog named by error-catalog.config.json, raised by id.
const { createErrors, getProject } = require('error-catalog');

const project = getProject({ file: __filename });
if (project.problems.length > 0 || !project.catalog) {
  const first = project.problems[0];
  throw new Error(`error catalog unusable: ${first ? `${first.file}:${first.line}:${first.column} ${first.message}` : 'no catalog'}`);
}

module.exports = createErrors(project.catalog);
