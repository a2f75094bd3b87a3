'use strict';
// Runs a few requests through the example app and prints the errors they raise.
const { checkToken } = require('./src/auth');
const { deleteRole, setRights } = require('./src/roles');
const { requireArgument } = require('./src/api');

const scenarios = [
  ['checkToken(undefined)', () => checkToken(undefined)],
  ['checkToken("old")', () => checkToken('old')],
  ['deleteRole("admin")', () => deleteRole('admin')],
  ['setRights("editor", "admin/panel")', () => setRights('editor', 'admin/panel')],
  ['requireArgument({}, "index")', () => requireArgument({}, 'index')],
  ['requireArgument({ index: 3 }, "index")', () => requireArgument({ index: 3 }, 'index')],
];

for (const [label, run] of scenarios) {
  try {
    run();
    console.log(`${label}: ok`);
  } catch (error) {
    const known = error.id ? `${error.name} ${error.hexCode} (${error.status}) ${error.id}: ` : `${error.name}: `;
    console.log(`${label}: ${known}${error.message}`);
  }
}
