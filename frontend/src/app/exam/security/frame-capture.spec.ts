import { scaledSize, smallerAttempt } from './frame-capture';

describe('frame capture sizes', () => {
  it('scales wide frames down to the maximum width, keeping the aspect ratio', () => {
    expect(scaledSize(1920, 1080, 640)).toEqual({ width: 640, height: 360 });
    expect(scaledSize(320, 240, 640)).toEqual({ width: 320, height: 240 });
  });

  it('makes a too-large frame smaller: quality first, then size, then gives up', () => {
    expect(smallerAttempt({ maxWidth: 640, quality: 0.5 })).toEqual({ maxWidth: 640, quality: 0.35 });
    expect(smallerAttempt({ maxWidth: 640, quality: 0.35 })).toEqual({ maxWidth: 640, quality: 0.2 });
    expect(smallerAttempt({ maxWidth: 640, quality: 0.2 })).toEqual({ maxWidth: 448, quality: 0.2 });
    expect(smallerAttempt({ maxWidth: 150, quality: 0.2 })).toBeNull();
  });
});
