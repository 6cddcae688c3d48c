import type { PixelBuffer } from '#shared/compare/imageDiff.ts';
import type { Size, View } from '#shared/compare/viewTransform.ts';

/**
 * The compare screen's drawing, in plain Canvas 2D: a few bitmaps under one
 * view, no objects to select, so Fabric would only be weight here. The maths
 * (views, the diff) lives in shared/compare; this file only paints and reads pixels.
 */

export type LayerImage = HTMLImageElement | HTMLCanvasElement;

/** One bitmap drawn into a pane. */
export interface CompareLayer {
  image: LayerImage;
  /** The scene rectangle it covers from (0, 0), in the pane's original image pixels. */
  width: number;
  height: number;
  /** 0–1; 1 by default. */
  opacity?: number;
  /** Only the part of the pane between these shares of its width (0 left edge, 1 right edge): the swipe. */
  clip?: { from: number; to: number };
}

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`Image did not load: ${url.slice(0, 40)}`));
    img.src = url;
  });
}

function context2d(canvas: HTMLCanvasElement, willReadFrequently = false): CanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently });
  if (!context) throw new Error('Canvas 2D is not available');
  return context;
}

/** A pane's canvas: sized to its box in device pixels, redrawn whole on every change. */
export class CompareCanvas {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private size: Size = { width: 0, height: 0 };
  private ratio = 1;

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    this.context = context2d(canvas);
  }

  /** Sets the CSS size; the backing store follows the screen's pixel ratio so edges stay sharp. */
  resize(size: Size): void {
    this.ratio = window.devicePixelRatio || 1;
    this.size = size;
    this.canvas.width = Math.max(1, Math.round(size.width * this.ratio));
    this.canvas.height = Math.max(1, Math.round(size.height * this.ratio));
    this.canvas.style.width = `${size.width}px`;
    this.canvas.style.height = `${size.height}px`;
  }

  /** Clears the pane (the page background shows through) and draws the layers in order. */
  draw(view: View, layers: readonly CompareLayer[]): void {
    const ctx = this.context;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.size.width, this.size.height);
    for (const layer of layers) {
      const opacity = layer.opacity ?? 1;
      if (opacity <= 0) continue;
      ctx.save();
      if (layer.clip) {
        ctx.beginPath();
        const { width, height } = this.size;
        ctx.rect(layer.clip.from * width, 0, Math.max(0, layer.clip.to - layer.clip.from) * width, height);
        ctx.clip();
      }
      ctx.globalAlpha = opacity;
      // Screen pixels per bitmap pixel: past 2, smoothing only blurs what the mentor zoomed in to see.
      const bitmapWidth = layer.image instanceof HTMLImageElement ? layer.image.naturalWidth : layer.image.width;
      ctx.imageSmoothingEnabled = (view.zoom * layer.width) / Math.max(1, bitmapWidth) < 2;
      ctx.imageSmoothingQuality = 'high';
      ctx.translate(view.x, view.y);
      ctx.scale(view.zoom, view.zoom);
      ctx.drawImage(layer.image, 0, 0, layer.width, layer.height);
      ctx.restore();
    }
  }
}

/** The pixels of a bitmap drawn at exactly `size` (a B of another size is stretched onto A's frame). */
export function readPixels(image: LayerImage, size: Size): PixelBuffer {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = context2d(canvas, true);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, size.width, size.height);
  return ctx.getImageData(0, 0, size.width, size.height);
}

/** A bitmap made from a pixel buffer, to be drawn as a layer. */
export function canvasOfPixels(buffer: PixelBuffer): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = buffer.width;
  canvas.height = buffer.height;
  // diffImages hands out a fresh buffer over a plain ArrayBuffer: no copy needed.
  const data = new ImageData(buffer.data as Uint8ClampedArray<ArrayBuffer>, buffer.width, buffer.height);
  context2d(canvas).putImageData(data, 0, 0);
  return canvas;
}
