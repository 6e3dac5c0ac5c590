export { default } from '@zlens/shared/eslint.config.js';
