import { decodeImageDataUrl, isDecodedImage } from './image-data-url';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const url = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('decodeImageDataUrl', () => {
  it('decodes JPEG, PNG and WebP data URLs to their bytes and type', () => {
    for (const [type, bytes] of [
      ['image/jpeg', jpeg],
      ['image/png', png],
      ['image/webp', webp],
    ] as const) {
      const decoded = decodeImageDataUrl(url(type, bytes), 'image');
      expect(decoded).toEqual({ contentType: type, bytes });
    }
  });

  it('refuses what is not an image data URL, naming the field', () => {
    expect(decodeImageDataUrl('data:text/plain;base64,aGVsbG8=', 'facePhoto')).toEqual({
      problem: 'facePhoto must be a data URL of a JPEG, PNG or WebP image (data:image/jpeg;base64,...)',
    });
    expect(isDecodedImage(decodeImageDataUrl('data:image/png;base64,!!!', 'image'))).toBe(false);
  });

  it('refuses bytes that are not the format the data URL claims', () => {
    expect(decodeImageDataUrl(url('image/png', jpeg), 'image')).toEqual({
      problem: 'image says it is a PNG image but its data is not one; send the picture the camera produced',
    });
    expect(isDecodedImage(decodeImageDataUrl(url('image/jpeg', Buffer.from('hello world')), 'image'))).toBe(false);
  });
});
