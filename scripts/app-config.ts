// studybook.config.json: what an instructor changes to make Studybook their class's app — its
// name, its id, where the courses it carries come from. `npm run dist` reads it; nothing else
// about packaging needs editing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The config file's name, at the repository's root. */
export const APP_CONFIG_FILE = 'studybook.config.json';

export const appConfigSchema = z
  .object({
    /** The app's name: its window, its installer, its Start-menu entry and data folder. */
    productName: z
      .string()
      .trim()
      .min(1, 'is empty')
      .max(64, 'is longer than 64 characters')
      .regex(/^[^\\/:*?"<>|]+$/, 'may not contain \\ / : * ? " < > |'),
    /** A reverse-DNS id, unique to this app: installers and the OS tell apps apart by it. */
    appId: z
      .string()
      .regex(
        /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/,
        'must be a reverse domain name such as "org.myschool.python-course"',
      ),
    description: z.string().max(300, 'is longer than 300 characters').optional(),
    /** The course's or school's web page (Linux packages require one). */
    homepage: z.url({
      protocol: /^https?$/,
      error: 'must be a web address such as "https://myschool.example/python"',
    }),
    /** Who packages it, as "Name <e-mail>" (Linux packages require one). */
    maintainer: z
      .string()
      .regex(/^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/, 'must look like "Ada Lovelace <ada@example.org>"'),
    /** Course folders, or folders of course folders, relative to this file. */
    courses: z.array(z.string().min(1)).min(1, 'lists no course folder').default(['content']),
  })
  .strict();

export type AppConfig = z.output<typeof appConfigSchema>;

/** A config file that is missing, not JSON, or not valid; `message` names the file and field. */
export class AppConfigError extends Error {
  override name = 'AppConfigError';
}

/** Reads and checks `<root>/studybook.config.json`. Throws AppConfigError with one clear message. */
export function loadAppConfig(root: string): AppConfig {
  const file = path.join(root, APP_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppConfigError(`${APP_CONFIG_FILE} is missing: create it next to package.json.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppConfigError(`${APP_CONFIG_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = appConfigSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  "${issue.path.join('.') || '(the file)'}" ${issue.message}`,
    );
    throw new AppConfigError(`${APP_CONFIG_FILE} has problems:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * What the config changes in electron-builder's configuration (electron-builder.yml holds the
 * rest). The packaged package.json gets the product name too: the app reads its name there.
 */
export function builderOverrides(config: AppConfig) {
  return {
    appId: config.appId,
    productName: config.productName,
    extraMetadata: {
      productName: config.productName,
      homepage: config.homepage,
      ...(config.description ? { description: config.description } : {}),
    },
    // Two class apps on one Linux machine must not share an executable or .desktop file name.
    linux: { maintainer: config.maintainer, executableName: debPackageName(config.productName) },
    deb: { packageName: debPackageName(config.productName) },
  };
}

/** A Debian package name for `productName`: lowercase letters, digits, - and +. Pure. */
export function debPackageName(productName: string): string {
  const name = productName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9+]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name.length >= 2 ? name : 'studybook';
}
