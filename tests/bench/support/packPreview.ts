import sharp from 'sharp';

/**
 * A face as the intake stores its preview: a packaging design with a photo's
 * grain (a flat drawing would compress to a fraction of a real preview's
 * size), JPEG quality 82.
 */
export async function packPreview(width: number, height: number, hue: number, longEdge: number, grain = 18): Promise<Buffer> {
  const k = longEdge / Math.max(width, height);
  const [w, h] = [Math.round(width * k), Math.round(height * k)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0.4" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,62%)"/><stop offset="1" stop-color="hsl(${hue + 40},50%,30%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${w / 2}" cy="${h * 0.28}" r="${w * 0.2}" fill="hsl(${hue + 180},45%,40%)" stroke="#fff" stroke-width="${w / 80}"/>
    <rect x="${w * 0.08}" y="${h * 0.58}" width="${w * 0.84}" height="${h * 0.3}" rx="${w / 40}" fill="#f6f1e7"/>
    ${Array.from({ length: 9 }, (_, i) => `<rect x="${w * 0.12}" y="${h * (0.61 + i * 0.028)}" width="${w * (0.4 + (i % 4) * 0.1)}" height="${h * 0.012}" fill="#3b3b3b"/>`).join('')}
    <text x="${w / 2}" y="${h * 0.52}" font-family="sans-serif" font-weight="bold" font-size="${w / 9}" text-anchor="middle" fill="#fff">KERIPIK</text>
  </svg>`;
  const noise = await sharp({ create: { width: w, height: h, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: grain } } })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82 })
    .toBuffer();
}
