// A link as a QR code, to open it on a phone: the code as an image, the link written under it.
// Escape (or Close) closes it.
import { useEffect, useState } from 'react';
import { qrSvg } from '../../../../shared/link-qr';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n-context';

export function QrDialog({ name, link, onClose }: { name: string; link: string; onClose: () => void }) {
  const t = useT();
  const [svg, setSvg] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setSvg(null);
    void qrSvg(link).then((text) => {
      if (live) setSvg(text);
    });
    return () => {
      live = false;
    };
  }, [link]);

  return (
    <Dialog title={t('qr.title', { name })} onClose={onClose} testId="qr-dialog">
      <div className="qr-body">
        {svg === null ? (
          <p className="preview-note">{t('common.loading')}</p>
        ) : (
          // The code as a data: image, like the previews: it cannot run anything, and its alt text is the link.
          <img
            className="qr-image"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            alt={t('qr.alt', { name })}
            data-svg={svg}
          />
        )}
        <p className="qr-link">{link}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('qr.close')}
        </button>
      </div>
    </Dialog>
  );
}
