export { default } from '@zlens/config/eslint.config.js';
