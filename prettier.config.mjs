export { default } from '@zlens/config/prettier.config.js';
