// The grid of local previews and watched streams, each tile labelled with where its media flows.

export class VideoGrid {
  constructor(container) {
    this.container = container;
  }

  /**
   * Adds a tile playing `stream`; returns a function that removes it.
   * @param {{stream: MediaStream, title: string, labels: string[], local?: boolean, onClose?: () => void}} tile
   */
  add({ stream, title, labels, local = false, onClose }) {
    const figure = document.createElement('figure');
    figure.className = local ? 'tile local' : 'tile';
    const hasVideo = stream.getVideoTracks().length > 0;
    const media = document.createElement(hasVideo ? 'video' : 'audio');
    media.autoplay = true;
    media.playsInline = true;
    media.muted = local; // never echo our own microphone
    media.controls = !hasVideo;
    media.srcObject = stream;
    media.play().catch(() => { media.controls = true; }); // autoplay refused: let the user press play

    const caption = document.createElement('figcaption');
    const heading = document.createElement('strong');
    heading.textContent = title;
    caption.append(heading, ...labels.map(text => {
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = text;
      return label;
    }));

    const remove = () => figure.remove();
    if (onClose) {
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'close';
      close.title = 'Close';
      close.setAttribute('aria-label', `Close ${title}`);
      close.textContent = '×';
      close.addEventListener('click', onClose);
      caption.append(close);
    }
    figure.append(media, caption);
    this.container.append(figure);
    return remove;
  }
}
