import { useState } from 'react';

/** The provider's preview picture of an avatar, or its initial when the picture cannot be loaded. */
export function AvatarPicture({ url, name }: { url: string | null; name: string }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) {
    return (
      <span className="avatar-option__blank" aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return <img src={url} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}
