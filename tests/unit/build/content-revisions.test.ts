import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentRevisions } from '../../../scripts/content-revisions.js';

// An app update must not make every phone download the fonts, icons and units again.
describe('content revisions for the service worker precache', () => {
	const dirs: string[] = [];
	afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

	function tree(files: Record<string, string>) {
		const root = mkdtempSync(join(tmpdir(), 'dvc-rev-'));
		dirs.push(root);
		for (const [path, content] of Object.entries(files)) {
			mkdirSync(join(root, path, '..'), { recursive: true });
			writeFileSync(join(root, path), content);
		}
		return root;
	}

	it('names every static file by its URL and the unit files by their /units/ URL', () => {
		const root = tree({ 'static/fonts/a.ttf': 'A', 'static/manifest.webmanifest': '{}', 'units/current.json': '[1]', 'units/README.md': 'x' });
		const revs = contentRevisions(join(root, 'static'), join(root, 'units'));
		expect(Object.keys(revs).sort()).toEqual(['/fonts/a.ttf', '/manifest.webmanifest', '/units/current.json']);
		expect(revs['/fonts/a.ttf']).toMatch(/^[0-9a-f]{16}$/);
	});

	it('changes the revision of a changed file only', () => {
		const root = tree({ 'static/fonts/a.ttf': 'A', 'static/icons/i.png': 'I', 'units/current.json': '[1]' });
		const before = contentRevisions(join(root, 'static'), join(root, 'units'));
		writeFileSync(join(root, 'units/current.json'), '[2]');
		const after = contentRevisions(join(root, 'static'), join(root, 'units'));
		expect(after['/units/current.json']).not.toBe(before['/units/current.json']);
		expect(after['/fonts/a.ttf']).toBe(before['/fonts/a.ttf']);
		expect(after['/icons/i.png']).toBe(before['/icons/i.png']);
	});

	it('covers the fonts and the 2025 units the app really ships', () => {
		const revs = contentRevisions();
		expect(Object.keys(revs)).toEqual(expect.arrayContaining(['/fonts/BeVietnamPro-Regular.pdffont', '/fonts/BeVietnamPro-Bold.pdffont', '/units/current.json']));
	});
});
