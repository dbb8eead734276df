import { TFDataError } from '../errors.js';

/** A frame: uint32 little-endian length, then the bytes (Flink-AI-Extended's RecordWriterImpl). */
export function encodeFrame(payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(4 + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.set(payload, 4);
  return out;
}

/**
 * The length field that marks a control frame instead of a row: `0xFFFFFFFF`, then a uint32 LE
 * length and that many bytes (the Python runtime's end-of-process record in streaming
 * inference). No row frame is that long.
 */
export const CONTROL_FRAME_MARKER = 0xffffffff;

/** Splits a byte stream into frames, across chunk boundaries. */
export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private offset = 0;

  /**
   * @param onControl receives the payload of every control frame (see
   *   {@link CONTROL_FRAME_MARKER}); without it control frames are dropped.
   */
  constructor(private readonly onControl?: (payload: Buffer) => void) {}

  /** Feeds a chunk; returns the frames it completes. */
  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    let at = 0;
    while (this.pending.length - at >= 4) {
      const length = this.pending.readUInt32LE(at);
      if (length === CONTROL_FRAME_MARKER) {
        if (this.pending.length - at < 8) break;
        const controlLength = this.pending.readUInt32LE(at + 4);
        if (this.pending.length - at - 8 < controlLength) break;
        this.onControl?.(this.pending.subarray(at + 8, at + 8 + controlLength));
        at += 8 + controlLength;
        continue;
      }
      if (this.pending.length - at - 4 < length) break;
      frames.push(this.pending.subarray(at + 4, at + 4 + length));
      at += 4 + length;
    }
    this.offset += at;
    this.pending = this.pending.subarray(at);
    return frames;
  }

  /**
   * Checks the stream ended on a frame boundary.
   * @throws TFDataError naming `source` and the byte offset of the partial frame.
   */
  end(source: string): void {
    if (this.pending.length > 0) {
      throw new TFDataError(
        `${source}: the output ended inside a frame at byte offset ${this.offset} (${this.pending.length} bytes of a partial frame).`,
      );
    }
  }
}
