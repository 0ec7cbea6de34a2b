/** An image drawn in the browser: random pixels (which JPEG cannot compress: big files) or one flat colour. */
export async function image(width: number, height: number, type = 'image/png', noise = false, quality = 0.95): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a7';
  context.fillRect(0, 0, width, height);
  if (noise) {
    const pixels = context.createImageData(width, height);
    const rgba = new Uint32Array(pixels.data.buffer); // xorshift32; opaque: alpha is the top byte
    for (let i = 0, x = 0x2545f491; i < rgba.length; i++) (x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (rgba[i] = (x | 0xff000000) >>> 0);
    context.putImageData(pixels, 0, 0);
  }
  const blob = await canvas.convertToBlob({ type, quality });
  return new File([blob], type === 'image/png' ? 'a.png' : 'a.jpg', { type });
}
