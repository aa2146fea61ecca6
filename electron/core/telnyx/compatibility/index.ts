export { checkTelnyxCompatibility, type CheckTarget } from './check-compatibility.js';
export { createCompatibilityService } from './compatibility-service.js';
export { CHECKED_ROUTES, displayPath } from './run-check.js';
