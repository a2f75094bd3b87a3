'use strict';
const kerror = require('./kerror');

const roleError = kerror.wrap('security', 'role');

function deleteRole(role) {
  if (role === 'admin') throw roleError.get('cannot_delete');
  if (role === 'ghost') throw roleError.get('not_found');
  return true;
}

function setRights(role, controller) {
  if (!controller.startsWith('api/')) {
    // Planted mistake: a deprecated id (replaced by security.role.unknown_controller).
    throw kerror.get('security', 'role', 'invalid_controller', controller);
  }
  return { role, controller };
}

module.exports = { deleteRole, setRights };
