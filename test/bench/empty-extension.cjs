// The reference extension for the activation benchmark: it does nothing.
'use strict';
exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
