// What `npm run dist` says when electron-builder fails: one message, never a stack trace. Most
// failures on a school's or a train's network are downloads (the Electron zip, then the installer
// tools: AppImage, fpm for .deb, NSIS, …), so those are named, with the way to build without them.

export interface DistContext {
  /** The Electron version the app is built with. */
  electronVersion: string;
  platform?: NodeJS.Platform;
  arch?: string;
}

/** A download that failed: what it was and where from. */
export interface FailedDownload {
  kind: 'electron' | 'tool';
  /** "Electron 45.5.0 for linux-x64", "the AppImage tool", … */
  what: string;
  file: string;
  url: string;
  reason: string;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

const TOOLS: readonly [RegExp, string][] = [
  [/appimage/i, 'the AppImage tool'],
  [/fpm/i, 'fpm, the .deb package tool'],
  [/nsis-resources/i, 'the NSIS installer resources'],
  [/nsis/i, 'NSIS, the Windows installer tool'],
  [/wine/i, 'Wine (to build Windows installers on Linux or macOS)'],
  [/winCodeSign|win-codesign/i, 'the Windows code-signing tools'],
  [/squirrel/i, 'the Squirrel.Windows tool'],
  [/dmg/i, 'the macOS disk image tool'],
  [/snap/i, 'the Snap tool'],
];

/**
 * The download `error` is about, or null when it is not a failed download. Reads got's
 * RequestError (what electron-builder's downloads throw: its URL in `options.url`) and, failing
 * that, any URL in the message. Pure.
 */
export function failedDownload(error: unknown, context: DistContext): FailedDownload | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  const options = (error as { options?: { url?: unknown } }).options;
  const url =
    options?.url instanceof URL
      ? options.url.href
      : typeof options?.url === 'string'
        ? options.url
        : (/https?:\/\/\S+/.exec(text)?.[0] ?? '');
  const isNetwork =
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    name === 'RequestError' ||
    name === 'HTTPError' ||
    /getaddrinfo|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|socket hang up|network|Response code 4\d\d|Response code 5\d\d/i.test(
      text,
    );
  if (!isNetwork) return null;
  const file = decodeURIComponent(
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '',
  );
  const electronZip = /^electron-v([\d.]+[^-]*)-([a-z0-9]+)-([a-z0-9]+)\.zip$/i.exec(file);
  if (
    electronZip ||
    /\/electron\/electron\/releases\//.test(url) ||
    (!url && /electron/i.test(text))
  ) {
    const version = electronZip?.[1] ?? context.electronVersion;
    const target = electronZip
      ? `${electronZip[2]}-${electronZip[3]}`
      : `${context.platform ?? process.platform}-${context.arch ?? process.arch}`;
    return {
      kind: 'electron',
      what: `Electron ${version} for ${target}`,
      file: file || `electron-v${version}-${target}.zip`,
      url,
      reason: text,
    };
  }
  const tool = TOOLS.find(([pattern]) => pattern.test(url || text));
  return {
    kind: 'tool',
    what: tool?.[1] ?? 'a packaging tool',
    file,
    url,
    reason: text,
  };
}

/** The one message `npm run dist` prints for `error`. Pure. */
export function explainDistFailure(error: unknown, context: DistContext): string {
  const download = failedDownload(error, context);
  if (!download) {
    const text = error instanceof Error ? error.message : String(error);
    return `npm run dist failed: ${text.split('\n')[0]?.trim() || 'electron-builder stopped without saying why'}`;
  }
  const from = download.url ? `\n  from ${download.url}` : '';
  const why = `(${download.reason || 'the download failed'}: no internet connection?)`;
  if (download.kind === 'electron') {
    return [
      `npm run dist could not download ${download.what} (${download.file})${from}`,
      `  ${why}`,
      'To build without internet, either:',
      `  - copy ${download.file} from a machine with internet (the address above) and run`,
      `      npm run dist -- --electron-dist /path/to/${download.file}`,
      '    (electronDist in electron-builder.yml does the same, and also takes an unpacked Electron folder), or',
      '  - copy the download cache of a machine where npm run dist worked (~/.cache/electron-builder,',
      '    or %LOCALAPPDATA%\\electron-builder\\Cache) and set ELECTRON_BUILDER_CACHE to it.',
      '  (electron-builder 26 keeps Electron in that cache; Electron’s own ELECTRON_CACHE is not read.)',
    ].join('\n');
  }
  return [
    `npm run dist could not download ${download.what}${download.file ? ` (${download.file})` : ''}${from}`,
    `  ${why}`,
    'The app itself is packed (release/*-unpacked); only the installer needs the tool. Either:',
    '  - copy the download cache of a machine where npm run dist worked (~/.cache/electron-builder,',
    '    or %LOCALAPPDATA%\\electron-builder\\Cache) and set ELECTRON_BUILDER_CACHE to it, or',
    '  - set ELECTRON_BUILDER_BINARIES_MIRROR to a mirror of electron-builder-binaries on your network, or',
    '  - build the unpacked app only: npm run dist -- --dir',
  ].join('\n');
}
