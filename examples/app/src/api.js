'use strict';
const { getError } = require('./errors');

function requireArgument(request, name) {
  if (request[name] === undefined) {
    // Planted mistake: the message has a "%s" placeholder but no argument is passed.
    throw getError('api.request.missing_argument');
  }
  if (typeof request[name] !== 'string') throw getError('api.request.invalid_value', name, 'a string');
  return request[name];
}

module.exports = { requireArgument };
