/** Turning a live video (webcam or shared screen) into a small JPEG data URL. */

export interface FrameOptions {
  /** Wider frames are scaled down, keeping the aspect ratio. */
  maxWidth: number;
  /** JPEG quality to start with (0..1). */
  quality: number;
  /** Longest data URL the server accepts: the frame is made smaller until it fits. */
  maxLength: number;
}

export function scaledSize(width: number, height: number, maxWidth: number): { width: number; height: number } {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((height * maxWidth) / width)) };
}

/** The next, smaller attempt when a frame is too large: less quality first, then fewer pixels. */
export function smallerAttempt(attempt: {
  maxWidth: number;
  quality: number;
}): { maxWidth: number; quality: number } | null {
  if (attempt.quality > 0.3)
    return { maxWidth: attempt.maxWidth, quality: Math.round((attempt.quality - 0.15) * 100) / 100 };
  if (attempt.maxWidth > 160) return { maxWidth: Math.round(attempt.maxWidth * 0.7), quality: attempt.quality };
  return null;
}

/** The video's current frame as a JPEG data URL; null while the video has no frame yet. */
export function captureFrame(video: HTMLVideoElement, options: FrameOptions): string | null {
  if (!video.videoWidth || !video.videoHeight) return null;
  const canvas = video.ownerDocument.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  let attempt: { maxWidth: number; quality: number } | null = { maxWidth: options.maxWidth, quality: options.quality };
  while (attempt) {
    const size = scaledSize(video.videoWidth, video.videoHeight, attempt.maxWidth);
    canvas.width = size.width;
    canvas.height = size.height;
    context.drawImage(video, 0, 0, size.width, size.height);
    const dataUrl = canvas.toDataURL('image/jpeg', attempt.quality);
    if (dataUrl.length <= options.maxLength) return dataUrl;
    attempt = smallerAttempt(attempt);
  }
  return null;
}

/** A hidden, muted video element playing the stream, to take frames from. */
export async function playStream(document: Document, stream: MediaStream): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  return video;
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
