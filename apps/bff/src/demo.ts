// `node apps/bff/dist/demo.js`, the demo's entry before it got its own folder (older notes use it):
// starts the demo (demo/main.ts). Nothing else lives here.
import './demo/main.js';
