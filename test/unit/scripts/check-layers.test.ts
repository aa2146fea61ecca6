import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../../scripts/check-layers.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'keytray-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('layering check', () => {
  it('passes on this repository', () => {
    expect(checkLayers(process.cwd())).toEqual([]);
  });

  it('fails on each deliberate violation, naming the file and the rule', () => {
    const root = tree({
      'electron/common/bad.ts':
        "import { readFileSync } from 'node:fs';\nimport { x } from '../core/thing.js';",
      'electron/common/ok.ts': "import { z } from 'zod';\nimport { y } from './other.js';",
      'electron/core/bad.ts': "import { app } from 'electron';\nimport { w } from '../main/window.js';",
      'electron/core/ok.ts':
        "import { z } from '../common/contract.js';\nimport { createServer } from 'node:http';",
      'electron/main/ok.ts': "import { app } from 'electron';",
      'electron/preview/server.ts': "import { BrowserWindow } from 'electron';",
      'renderer/app.tsx':
        "import { core } from '../electron/core/create-core.js';\nimport { c } from '../electron/common/contract.js';",
      'renderer/sneaky.ts': "const m = await import('../electron/main/ipc.js');",
    });
    expect(
      checkLayers(root)
        .map((v) => `${v.file} → ${v.specifier}: ${v.rule}`)
        .sort(),
    ).toEqual([
      'electron/common/bad.ts → ../core/thing.js: electron/common imports only itself',
      'electron/common/bad.ts → node:fs: electron/common imports nothing platform-specific (only zod)',
      'electron/core/bad.ts → ../main/window.js: electron/core imports only electron/common and itself',
      'electron/core/bad.ts → electron: only electron/main and electron/preload may import electron',
      'electron/preview/server.ts → electron: only electron/main and electron/preload may import electron',
      'renderer/app.tsx → ../electron/core/create-core.js: renderer imports only electron/common from electron/',
      'renderer/sneaky.ts → ../electron/main/ipc.js: renderer imports only electron/common from electron/',
    ]);
  });

  it('fails when the renderer, the preload or the preview page would load zod; types and channels.ts pass', () => {
    const root = tree({
      'electron/common/models.ts': "import { z } from 'zod';\nexport const KeyId = z.string();",
      'electron/common/channels.ts': "import type { z } from 'zod';\nexport const CHANNELS = ['a.b'];",
      'electron/common/contract.ts': "import { z } from 'zod';\nexport * from './channels.js';",
      'renderer/ok.tsx':
        "import type { KeyId } from '../electron/common/models.js';\nimport { type X } from '../electron/common/models.js';\nimport { CHANNELS } from '../electron/common/channels.js';",
      'renderer/values.tsx': "import { KeyId } from '../electron/common/models.js';",
      'renderer/later.tsx': "const m = await import('../electron/common/contract.js');",
      'electron/preload/index.ts': "import { z } from 'zod';",
      'electron/preview/client/bridge.ts': "export * from '../../common/contract.js';",
    });
    expect(
      checkLayers(root)
        .map((v) => `${v.file} → ${v.specifier}`)
        .sort(),
    ).toEqual([
      'electron/preload/index.ts → zod',
      'electron/preview/client/bridge.ts → ../../common/contract.js',
      'renderer/later.tsx → ../electron/common/contract.js',
      'renderer/values.tsx → ../electron/common/models.js',
    ]);
  });
});
