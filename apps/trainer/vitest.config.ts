import { preset } from '@cce/vitest-config';

export default preset;
