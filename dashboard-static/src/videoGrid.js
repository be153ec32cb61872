// The grid of local previews and watched streams, each tile labelled with where its media flows.
import { element } from './dom.js';

export class VideoGrid {
  constructor(container) {
    this.container = container;
  }

  /**
   * Adds a tile playing `stream`; returns a function that removes it.
   * @param {{stream: MediaStream, title: string, labels: string[], local?: boolean, onClose?: () => void,
   *          data?: Record<string, string>}} tile `data` becomes data-* attributes (what tests and styles select on)
   */
  add({ stream, title, labels, local = false, onClose, data = {} }) {
    const figure = element('figure', local ? 'tile local' : 'tile');
    Object.assign(figure.dataset, data);
    const hasVideo = stream.getVideoTracks().length > 0;
    const media = element(hasVideo ? 'video' : 'audio');
    media.autoplay = true;
    media.playsInline = true;
    media.muted = local; // never echo our own microphone
    media.controls = !hasVideo;
    media.srcObject = stream;
    media.play().catch(() => { media.controls = true; }); // autoplay refused: let the user press play

    const caption = element('figcaption');
    caption.append(element('strong', '', title), ...labels.map(text => element('span', 'label', text)));
    if (onClose) {
      const close = element('button', 'close', '×');
      close.type = 'button';
      close.title = 'Close';
      close.setAttribute('aria-label', `Close ${title}`);
      close.addEventListener('click', onClose);
      caption.append(close);
    }
    figure.append(media, caption);
    this.container.append(figure);
    return () => {
      media.srcObject = null;
      figure.remove();
    };
  }

  /** What every tile shows: its title, labels and data attributes. */
  describe() {
    return [...this.container.querySelectorAll('.tile')].map(tile => ({
      title: tile.querySelector('figcaption strong')?.textContent ?? '',
      labels: [...tile.querySelectorAll('.label')].map(label => label.textContent),
      local: tile.classList.contains('local'),
      ...tile.dataset,
    }));
  }
}
