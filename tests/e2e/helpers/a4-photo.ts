/**
 * A generated phone photo of an A4 page of Vietnamese text: a sheet slightly turned on a
 * table, uneven light, sensor noise, saved as a camera would (JPEG, quality 0.92; a
 * 4000 × 3000 photo is 3–5 MB). Runs in the browser (`page.evaluate(a4PhotoBase64, …)`),
 * so it must not use anything from its module. Used by tests/e2e/documents.spec.ts and
 * bench/documents.mjs.
 */
export async function a4PhotoBase64({ width = 4000, height = 3000, seed = 1, quality = 0.92 }: { width?: number; height?: number; seed?: number; quality?: number } = {}): Promise<string> {
	let state = seed >>> 0 || 1;
	const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
	const canvas = new OffscreenCanvas(width, height);
	const ctx = canvas.getContext('2d')!;
	const table = ctx.createLinearGradient(0, 0, width, height);
	table.addColorStop(0, '#5d4a38');
	table.addColorStop(1, '#7a644e');
	ctx.fillStyle = table;
	ctx.fillRect(0, 0, width, height);

	// A portrait sheet (A4: 1 : 1.414) 90 % of the photo's height, turned by up to 2°.
	const h = Math.min(height * 0.9, width * 0.9 * Math.SQRT2);
	const w = h / Math.SQRT2;
	ctx.save();
	ctx.translate(width / 2, height / 2);
	ctx.rotate(((random() - 0.5) * 4 * Math.PI) / 180);
	const light = ctx.createRadialGradient(-w * 0.3, -h * 0.3, 0, 0, 0, h);
	light.addColorStop(0, '#fbfaf6');
	light.addColorStop(1, '#d9d4c8');
	ctx.fillStyle = light;
	ctx.fillRect(-w / 2, -h / 2, w, h);

	const words = ['Cộng', 'hòa', 'xã', 'hội', 'chủ', 'nghĩa', 'Việt', 'Nam', 'Độc', 'lập', 'Tự', 'do', 'Hạnh', 'phúc', 'giấy', 'khai', 'sinh', 'họ', 'tên', 'ngày', 'tháng', 'năm', 'nơi', 'cư', 'trú', 'quốc', 'tịch', 'dân', 'tộc', 'số', 'định', 'danh', 'cá', 'nhân', 'Ủy', 'ban', 'nhân', 'dân', 'xã', 'đăng', 'ký', 'hộ', 'tịch'];
	const size = h / 60;
	ctx.fillStyle = '#1d1d24';
	ctx.font = `700 ${size * 1.3}px serif`;
	ctx.textAlign = 'center';
	ctx.fillText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0, -h / 2 + size * 4);
	ctx.fillText(`GIẤY TỜ SỐ ${Math.floor(random() * 1e6)}`, 0, -h / 2 + size * 6.5);
	ctx.textAlign = 'left';
	ctx.font = `${size}px serif`;
	for (let y = -h / 2 + size * 9; y < h / 2 - size * 4; y += size * 1.6) {
		let line = '';
		while (ctx.measureText(line).width < w * 0.8) line += `${words[Math.floor(random() * words.length)]} `;
		ctx.fillText(line.trim(), -w / 2 + w * 0.08, y);
	}
	ctx.restore();

	// Sensor noise: what makes a real photo cost megabytes.
	const image = ctx.getImageData(0, 0, width, height);
	const px = image.data;
	for (let i = 0; i < px.length; i += 4) {
		const n = (random() - 0.5) * 18;
		px[i] += n;
		px[i + 1] += n;
		px[i + 2] += n;
	}
	ctx.putImageData(image, 0, 0);

	const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}
