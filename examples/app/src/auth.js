'use strict';
const { getError } = require('./errors');

function checkToken(token) {
  if (!token) throw getError('security.token.invalid');
  if (token === 'old') {
    // Planted mistake: a typo in the id ('expird').
    throw getError('security.token.expird');
  }
  return { user: 'alice' };
}

module.exports = { checkToken };
