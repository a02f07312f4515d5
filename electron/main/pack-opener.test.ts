import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { UploadedPack } from '../ipc/channels.ts';
import { packPathFromFileUrl, packPathsFromArgv, PackOpener } from './pack-opener.ts';

const staged = (file: string): UploadedPack => ({
  uploadId: 'a'.repeat(32),
  name: path.basename(file),
  bytes: 1,
});

function makeOpener(stage = vi.fn(async (file: string) => staged(file))) {
  const fail = vi.fn();
  const needPage = vi.fn();
  return { opener: new PackOpener({ stage, fail, needPage }), stage, fail, needPage };
}

describe('course packs named on the command line', () => {
  it('finds the packs among a launch’s arguments, resolved against its working directory', () => {
    const cwd = path.resolve('/home/ada/Downloads');
    const argv = [
      '/opt/Studybook/studybook',
      '--no-sandbox',
      'Week 3.studypack',
      '/media/usb/GIT.STUDYPACK',
      '-psn_0_12345',
      'notes.txt',
      '--flag=x.studypack',
    ];
    expect(packPathsFromArgv(argv, cwd)).toEqual([
      path.join(cwd, 'Week 3.studypack'),
      path.resolve('/media/usb/GIT.STUDYPACK'),
    ]);
  });

  it('takes a dropped pack from the file: URL Chromium would navigate to', () => {
    const file = path.resolve('/home/ada/Week 3 – Git.studypack');
    expect(packPathFromFileUrl(pathToFileURL(file).href)).toBe(file);
    expect(packPathFromFileUrl(pathToFileURL('/home/ada/photo.png').href)).toBeNull();
    expect(packPathFromFileUrl('https://example.com/x.studypack')).toBeNull();
    expect(packPathFromFileUrl('app://studybook/index.html')).toBeNull();
  });
});

describe('PackOpener', () => {
  it('holds opened packs until a page is ready, then hands them over in order', async () => {
    const { opener, needPage } = makeOpener();
    await opener.openAll(['/a.studypack', '/b.studypack']);
    expect(needPage).toHaveBeenCalledTimes(2);
    const delivered: string[] = [];
    opener.attach((pack) => delivered.push(pack.name));
    expect(delivered).toEqual(['a.studypack', 'b.studypack']);
    await opener.open('/c.studypack');
    expect(delivered).toEqual(['a.studypack', 'b.studypack', 'c.studypack']);
  });

  it('queues again while the page reloads', async () => {
    const { opener } = makeOpener();
    const first = vi.fn();
    opener.attach(first);
    opener.detach();
    await opener.open('/a.studypack');
    expect(first).not.toHaveBeenCalled();
    const second = vi.fn();
    opener.attach(second);
    expect(second).toHaveBeenCalledOnce();
  });

  it('tells the learner about a file that cannot be read, and carries on', async () => {
    const missing = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    const stage = vi.fn(async (file: string) => {
      if (file.includes('gone')) throw missing;
      if (file.includes('huge')) throw new Error('The file is larger than 2 GB.');
      return staged(file);
    });
    const { opener, fail } = makeOpener(stage);
    const delivered = vi.fn();
    opener.attach(delivered);
    await opener.openAll(['/gone.studypack', '/huge.studypack', '/ok.studypack']);
    expect(fail.mock.calls).toEqual([
      [
        '/gone.studypack',
        'gone.studypack could not be read. Check that the file is still there, then open it again.',
      ],
      ['/huge.studypack', 'The file is larger than 2 GB.'],
    ]);
    expect(delivered).toHaveBeenCalledOnce();
  });
});
