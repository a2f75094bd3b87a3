'use strict';
// The split form (`kerror.get(domain, subdomain, name)`) and wrappers, as many backends name it.
module.exports = require('./errors');
