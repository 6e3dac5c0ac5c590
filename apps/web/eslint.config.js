import base from '@zlens/config/eslint.config.js';
import reactHooks from 'eslint-plugin-react-hooks';

export default [...base, reactHooks.configs.flat['recommended-latest']];
