// Draws the app icons (a yellow star on red, like the national flag) as PNGs with no
// image library: run `node scripts/make-icons.mjs` after changing the design.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
const crc32 = (buf) => {
	let c = 0xffffffff;
	for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
};

function star(cx, cy, r) {
	const pts = [];
	for (let i = 0; i < 10; i++) {
		const a = -Math.PI / 2 + (i * Math.PI) / 5;
		const rr = i % 2 ? r * 0.382 : r;
		pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
	}
	return pts;
}
function inside(pts, x, y) {
	let hit = false;
	for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
		const [xi, yi] = pts[i];
		const [xj, yj] = pts[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
	}
	return hit;
}

function png(size, starScale) {
	const pts = star(size / 2, size * 0.53, size * starScale);
	const raw = Buffer.alloc((size * 4 + 1) * size);
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			// 4x supersampling for smooth edges
			let cover = 0;
			for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]])
				if (inside(pts, x + dx, y + dy)) cover++;
			const t = cover / 4;
			const o = y * (size * 4 + 1) + 1 + x * 4;
			raw[o] = Math.round(0xda * (1 - t) + 0xff * t);
			raw[o + 1] = Math.round(0x25 * (1 - t) + 0xd7 * t);
			raw[o + 2] = Math.round(0x1d * (1 - t) + 0x00 * t);
			raw[o + 3] = 255;
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8;
	ihdr[9] = 6;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

writeFileSync('static/icons/icon-192.png', png(192, 0.4));
writeFileSync('static/icons/icon-512.png', png(512, 0.4));
// Maskable: the star stays inside the 80 % safe zone whatever shape the launcher cuts.
writeFileSync('static/icons/maskable-512.png', png(512, 0.3));
const s = star(32, 34, 26).map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ');
writeFileSync(
	'static/icons/icon.svg',
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="10" fill="#da251d"/><polygon points="${s}" fill="#ffd700"/></svg>\n`
);
