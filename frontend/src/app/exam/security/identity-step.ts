import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  OnDestroy,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { IdentityStatus, maxIdentityPhotoLength, SubmitIdentityBody } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError } from '../../shared/http-error';
import { captureFrame, stopStream } from './frame-capture';

/**
 * Both photos travel to the server in one message of at most about 1 MB: each stays well under half
 * of that (an 800-pixel JPEG is usually under 150 KB), whatever maxIdentityPhotoLength allows.
 */
const photoOptions = { maxWidth: 800, quality: 0.8, maxLength: Math.min(400_000, maxIdentityPhotoLength) };

/**
 * Identity verification, candidate side: a webcam preview, a photo of the face and one of the ID
 * (both from the webcam), then the wait for the proctor's decision.
 */
@Component({
  selector: 'app-identity-step',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './identity-step.html',
})
export class IdentityStep implements OnDestroy {
  private readonly document = inject(DOCUMENT);
  private readonly preview = viewChild<ElementRef<HTMLVideoElement>>('preview');
  private stream: MediaStream | null = null;
  private opening = false;

  readonly status = input.required<IdentityStatus>();
  readonly reason = input<string | null>(null);
  readonly sending = input(false);
  readonly error = input<DisplayedError | null>(null);
  readonly submitted = output<SubmitIdentityBody>();

  protected readonly IdentityStatus = IdentityStatus;
  protected readonly face = signal<string | null>(null);
  protected readonly idPhoto = signal<string | null>(null);
  protected readonly cameraOn = signal(false);
  protected readonly cameraError = signal<string | null>(null);
  protected readonly ready = computed(() => this.face() !== null && this.idPhoto() !== null);
  private readonly capturing = computed(() => this.status() !== IdentityStatus.Submitted);

  constructor() {
    // The camera runs only while photos are being taken; waiting for the proctor needs no camera.
    effect(() => {
      if (this.capturing() && this.preview()) void this.openCamera();
      else this.closeCamera();
    });
    // A rejection asks for new photos: the old ones were not good enough.
    effect(() => {
      if (this.status() === IdentityStatus.Rejected) {
        this.face.set(null);
        this.idPhoto.set(null);
      }
    });
  }

  ngOnDestroy(): void {
    this.closeCamera();
  }

  protected async openCamera(): Promise<void> {
    if (this.stream || this.opening) return;
    this.cameraError.set(null);
    const media = this.document.defaultView?.navigator.mediaDevices;
    if (!media?.getUserMedia) {
      this.cameraError.set('This browser cannot use a webcam. Use a current Chrome, Edge or Firefox.');
      return;
    }
    this.opening = true;
    try {
      this.stream = await media.getUserMedia({ video: true, audio: false });
    } catch {
      this.cameraError.set(
        'The camera could not be opened. Allow camera access for this site in your browser, close other apps that use it, and try again.',
      );
      return;
    } finally {
      this.opening = false;
    }
    const video = this.preview()?.nativeElement;
    if (!video || !this.capturing()) {
      this.closeCamera();
      return;
    }
    video.srcObject = this.stream;
    // Photos can be taken once the first frame plays; autoplay may be refused, play() is explicit.
    await video.play().catch(() => undefined);
    this.cameraOn.set(this.stream !== null);
  }

  protected take(which: 'face' | 'id'): void {
    const video = this.preview()?.nativeElement;
    const photo = video ? captureFrame(video, photoOptions) : null;
    if (!photo) {
      this.cameraError.set('The camera has no picture yet. Wait a moment and try again.');
      return;
    }
    (which === 'face' ? this.face : this.idPhoto).set(photo);
  }

  protected send(): void {
    const facePhoto = this.face();
    const idPhoto = this.idPhoto();
    if (facePhoto && idPhoto) this.submitted.emit({ facePhoto, idPhoto });
  }

  private closeCamera(): void {
    stopStream(this.stream);
    this.stream = null;
    const video = this.preview()?.nativeElement;
    if (video) video.srcObject = null;
    this.cameraOn.set(false);
  }
}
